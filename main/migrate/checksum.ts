import { createHash } from 'node:crypto'

/**
 * The checksum stored in `sluice_migrations`: sha256 of the file's text with
 * a byte-order mark dropped and CRLF or CR line endings made LF, so the same
 * migration checked out by git on Windows and on Linux is not "modified".
 */
export function migrationChecksum(text: string): string {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  return createHash('sha256').update(normalized, 'utf8').digest('hex')
}

import { crc32 } from 'node:zlib'

/**
 * Flyway's checksum: a CRC32 over the file's lines, each without its line
 * ending (and the first without a BOM), stored as a signed 32-bit integer.
 */
export function flywayChecksum(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  // A final line ending does not start another line for Java's readLine.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  let crc = 0
  for (const line of lines) crc = crc32(Buffer.from(line, 'utf8'), crc)
  return String(crc | 0)
}

import { readdirSync } from 'node:fs'
import { SluiceError } from '../../../shared/errors'

/** A folder's entries, sorted so that which of two clashing files is named first does not depend on the file system. */
export function listFolder(dir: string): { name: string; isDirectory: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SluiceError({
      code: 'NOT_FOUND',
      message: `Cannot read the migrations folder ${dir}: ${reasons[code ?? ''] ?? (error as Error).message}`,
    })
  }
}

/** The file system's refusals in words; others keep Node's message. */
const reasons: Record<string, string> = {
  ENOENT: 'there is no folder there (a new folder starts with one <version>_<name>.sql file)',
  ENOTDIR: 'that is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
}

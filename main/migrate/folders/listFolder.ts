import { readdirSync } from 'node:fs'
import { SluiceError } from '../../../shared/errors'

/** A folder's entries, sorted so that which of two clashing files is named first does not depend on the file system. */
export function listFolder(dir: string): { name: string; isDirectory: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (error) {
    throw new SluiceError({
      code: 'NOT_FOUND',
      message: `Cannot read the migrations folder ${dir}: ${(error as Error).message}`,
    })
  }
}

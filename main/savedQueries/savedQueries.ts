import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SluiceError } from '../../shared/errors'

export interface SavedQuery {
  name: string
  modifiedAt: string
}

/**
 * Saved queries are plain `.sql` files in one folder of the user's data
 * folder, so they can be edited, copied and kept in git outside Sluice.
 */
export class SavedQueries {
  constructor(private readonly folder: string) {}

  async list(): Promise<SavedQuery[]> {
    const names = await readdir(this.folder).catch(() => [] as string[])
    const queries = await Promise.all(
      names
        .filter((name) => name.endsWith('.sql'))
        .map(async (name) => ({
          name: name.slice(0, -'.sql'.length),
          modifiedAt: (await stat(join(this.folder, name))).mtime.toISOString(),
        })),
    )
    return queries.sort((a, b) => a.name.localeCompare(b.name))
  }

  async read(name: string): Promise<string> {
    try {
      return await readFile(this.file(name), 'utf8')
    } catch {
      throw new SluiceError({ code: 'NOT_FOUND', message: `No saved query named "${name}"` })
    }
  }

  async write(name: string, text: string): Promise<void> {
    await mkdir(this.folder, { recursive: true })
    await writeFile(this.file(name), text, 'utf8')
  }

  private file(name: string): string {
    // A name is a file name, never a path: nothing may reach outside the folder.
    if (!/^[^/\\:*?"<>|\0]{1,100}$/.test(name) || name.startsWith('.') || name.trim() !== name)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `"${name.slice(0, 100)}" cannot be a saved query's name: use letters, digits, spaces and dashes, not / \\ : * ? " < > |`,
      })
    return join(this.folder, `${name}.sql`)
  }
}

import { randomBytes } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConnectionTarget } from '../../../shared/connectionUrl'
import { SluiceError } from '../../../shared/errors'
import { collectRows } from '../collectRows'
import type { DataShadow, ShadowOptions } from '../types'
import { sqliteMigrationLock } from './migrationLock'
import { SqliteConnection } from './SqliteConnection'

/**
 * A copy of the database file taken with SQLite's online backup API: a
 * consistent snapshot even while others write, and the real file is only read.
 */
export async function openShadow(
  target: ConnectionTarget,
  options: ShadowOptions,
): Promise<DataShadow> {
  if (target.dialect !== 'sqlite')
    throw new SluiceError({ code: 'BAD_URL', message: 'Not a SQLite URL' })
  if (target.file === ':memory:' || target.file === '')
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message:
        'An in-memory SQLite database cannot be previewed: another connection cannot copy it',
    })
  if (!existsSync(target.file))
    throw new SluiceError({ code: 'NOT_FOUND', message: `No SQLite database at ${target.file}` })
  const file = join(tmpdir(), `sluice-shadow-${randomBytes(6).toString('hex')}.sqlite`)
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
  }
  if (!(options.source instanceof SqliteConnection))
    throw new SluiceError({
      code: 'INTERNAL',
      message: 'A SQLite shadow is copied through a SQLite connection',
    })
  try {
    await options.source.backupTo(file)
  } catch (error) {
    remove()
    throw error
  }
  const copy = await SqliteConnection.open({ dialect: 'sqlite', file })
  return {
    description: `a copy of ${target.file} taken with SQLite's online backup API`,
    cappedTables: new Set(),
    foreignKeySwitch: sqliteMigrationLock.foreignKeySwitch,
    query: (sql) => collectRows(copy, sql),
    introspect: () => copy.introspect(),
    cancel: async () => void (await copy.cancel()),
    close: async () => {
      await copy.close()
      remove()
    },
  }
}

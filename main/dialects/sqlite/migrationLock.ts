import { SluiceError } from '../../../shared/errors'
import { collectRows } from '../collectRows'
import type { SessionLock } from '../ConnectionMigrationSession'

/**
 * SQLite has no lock apart from transactions. Each migration opens a write
 * transaction at once (BEGIN IMMEDIATE), and the engine reads the history again
 * inside it, so concurrent appliers queue on the file and none applies twice.
 * The wait is SQLite's busy timeout; the lock ends with the transaction or the process.
 */
export const sqliteMigrationLock: SessionLock = {
  beginStatement: 'BEGIN IMMEDIATE',
  async lock(connection, timeoutMs) {
    await collectRows(connection, `PRAGMA busy_timeout = ${Math.max(0, Math.round(timeoutMs))}`)
  },
  async unlock() {},
  foreignKeySwitch: {
    off: 'PRAGMA foreign_keys = OFF',
    on: 'PRAGMA foreign_keys = ON',
    violations: 'PRAGMA foreign_key_check',
  },
  waitExpired: (error) => error instanceof SluiceError && error.data.serverCode === 'SQLITE_BUSY',
}

import { SluiceError } from '../../../shared/errors'
import { collectRows } from '../collectRows'
import type { SessionLock } from '../ConnectionMigrationSession'
import { lockWaitExpired } from '../lockWaitExpired'

/** Advisory locks are per database; the schema is named too, since each schema has its own history table. */
const lockKey = "hashtext('sluice_migrate:' || current_schema())"

/** A session-level advisory lock: the server drops it with the session, so a crash never leaves it behind. */
export const postgresMigrationLock: SessionLock = {
  beginStatement: 'BEGIN',
  async lock(connection, timeoutMs) {
    await collectRows(connection, `SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`)
    try {
      await collectRows(connection, `SELECT pg_advisory_lock(${lockKey})`)
    } catch (error) {
      if (error instanceof SluiceError && error.data.serverCode === '55P03') throw lockWaitExpired()
      throw error
    } finally {
      // Migrations run with the server's own lock_timeout, not the wait for ours.
      await collectRows(connection, 'RESET lock_timeout')
    }
  },
  async unlock(connection) {
    await collectRows(connection, `SELECT pg_advisory_unlock(${lockKey})`)
  },
}

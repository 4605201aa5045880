import type { ConnectionTarget } from '../../../shared/connectionUrl'
import { SluiceError } from '../../../shared/errors'
import { openScratchCopy } from '../../preview/scratchCopy'
import { collectRows } from '../collectRows'
import { defaultConnectOptions } from '../registry'
import type { DataShadow, ShadowOptions } from '../types'
import { PostgresConnection } from './PostgresConnection'

/**
 * The live database inside one transaction that is always rolled back, with
 * a lock timeout so that a statement waiting on production gives up soon.
 * Each statement runs under a savepoint, so a failing one leaves the ones
 * before it in place to be examined. A migration that must run outside a
 * transaction is previewed on a scratch copy instead.
 */
export async function openShadow(
  target: ConnectionTarget,
  options: ShadowOptions,
): Promise<DataShadow> {
  if (!options.transactional) return openScratchCopy(target, options)
  if (target.dialect !== 'postgres')
    throw new SluiceError({ code: 'BAD_URL', message: 'Not a PostgreSQL URL' })
  const connection = await PostgresConnection.open(target, defaultConnectOptions)
  try {
    await collectRows(connection, 'BEGIN')
    await collectRows(connection, `SET LOCAL lock_timeout = ${Math.round(options.lockTimeoutMs)}`)
    await collectRows(
      connection,
      `SET LOCAL statement_timeout = ${Math.round(options.statementTimeoutMs)}`,
    )
  } catch (error) {
    await connection.close()
    throw error
  }
  let savepoints = 0
  return {
    description: `the database itself, inside a transaction that is always rolled back (lock timeout ${options.lockTimeoutMs / 1000} s)`,
    cappedTables: new Set(),
    query: async (sql) => {
      const savepoint = `sluice_preview_${++savepoints}`
      await collectRows(connection, `SAVEPOINT ${savepoint}`)
      try {
        const rows = await collectRows(connection, sql)
        await collectRows(connection, `RELEASE SAVEPOINT ${savepoint}`)
        return rows
      } catch (error) {
        await collectRows(connection, `ROLLBACK TO SAVEPOINT ${savepoint}`)
        throw error
      }
    },
    introspect: () => connection.introspect(),
    cancel: async () => void (await connection.cancel()),
    close: async () => {
      await collectRows(connection, 'ROLLBACK').finally(() => connection.close())
    },
  }
}

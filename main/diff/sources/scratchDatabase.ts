import { randomBytes } from 'node:crypto'
import type { ConnectionTarget } from '../../../shared/connectionUrl'
import { SluiceError } from '../../../shared/errors'
import { collectRows } from '../../dialects/collectRows'
import { defaultConnectOptions, dialects } from '../../dialects/registry'
import type { DialectConnection } from '../../dialects/types'

/** An empty database to load a schema into, dropped when closed (Atlas calls it the dev database). */
export interface ScratchDatabase {
  connection: DialectConnection
  close(): Promise<void>
}

/**
 * Makes a scratch database: in-memory for SQLite; a new, uniquely named
 * database on the given server for PostgreSQL and MySQL, made with the
 * server's credentials and dropped afterwards even if loading fails.
 */
export async function openScratchDatabase(server: ConnectionTarget): Promise<ScratchDatabase> {
  const dialect = dialects[server.dialect]
  if (server.dialect === 'sqlite') {
    const connection = await dialect.connect(
      { dialect: 'sqlite', file: ':memory:' },
      defaultConnectOptions,
    )
    return { connection, close: () => connection.close() }
  }
  const name = `sluice_scratch_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = await dialect.connect(server, defaultConnectOptions)
  const quoted = dialect.quoteIdentifier(name)
  try {
    await collectRows(admin, `CREATE DATABASE ${quoted}`)
  } catch (error) {
    await admin.close()
    throw new SluiceError({
      code: 'SQL_ERROR',
      message: `Could not create a scratch database on ${server.host}:${server.port} to load the schema into: ${(error as Error).message}`,
    })
  }
  const drop = async () => {
    const force = server.dialect === 'postgres' ? ' WITH (FORCE)' : ''
    await collectRows(admin, `DROP DATABASE IF EXISTS ${quoted}${force}`).finally(() =>
      admin.close(),
    )
  }
  try {
    const connection = await dialect.connect({ ...server, database: name }, defaultConnectOptions)
    return {
      connection,
      close: async () => {
        await connection.close()
        await drop()
      },
    }
  } catch (error) {
    await drop()
    throw error
  }
}

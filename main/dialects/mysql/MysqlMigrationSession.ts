import type { Connection } from 'mysql2'
import type { Cell } from '../../../shared/cells'
import type { ServerTarget } from '../../../shared/connectionUrl'
import { lockWaitExpired } from '../lockWaitExpired'
import type { ConnectOptions, MigrationSession } from '../types'
import { connect, connectionOptions, describeTarget } from './MysqlConnection'
import { toSluiceError } from './toSluiceError'

/** Server-wide, so it names the database; hashed because a lock name is at most 64 characters. */
const lockName = "CONCAT('sluice_migrate:', SHA1(DATABASE()))"

/**
 * MySQL/MariaDB commit DDL implicitly, so a migration runs statement by
 * statement. Its own connection allows several statements per round trip:
 * a statement and its history update are sent together, and the server runs
 * the update only if the statement succeeded, even if this process has died
 * since sending them.
 */
export class MysqlMigrationSession implements MigrationSession {
  readonly dialect = 'mysql' as const
  readonly beginStatement = 'START TRANSACTION'

  private constructor(
    private readonly conn: Connection,
    private readonly where: string,
  ) {
    // A connection killed by the server is reported by the next query; an unhandled 'error' would end the process.
    conn.on('error', () => undefined)
  }

  static async open(target: ServerTarget, options: ConnectOptions): Promise<MysqlMigrationSession> {
    const where = describeTarget(target)
    const conn = await connect(
      { ...connectionOptions(target, options), multipleStatements: true },
      where,
    )
    return new MysqlMigrationSession(conn, where)
  }

  query(sql: string): Promise<Cell[][]> {
    return new Promise((resolve, reject) =>
      this.conn.query({ sql, rowsAsArray: true }, (error, rows) =>
        error
          ? reject(toSluiceError(error, this.where, sql))
          : resolve(Array.isArray(rows) ? (rows as unknown as Cell[][]) : []),
      ),
    )
  }

  async runThenRecord(sql: string, record: string): Promise<void> {
    // The statement's own error names a position within it, so the pair is only joined for sending.
    await new Promise<void>((resolve, reject) =>
      this.conn.query(`${sql};\n${record}`, (error) =>
        error ? reject(toSluiceError(error, this.where, sql)) : resolve(),
      ),
    )
  }

  async lock(timeoutMs: number): Promise<void> {
    const seconds = Math.max(0, Math.ceil(timeoutMs / 1000))
    const [row] = await this.query(`SELECT GET_LOCK(${lockName}, ${seconds})`)
    if (Number(row?.[0]) !== 1) throw lockWaitExpired()
  }

  async unlock(): Promise<void> {
    await this.query(`DO RELEASE_LOCK(${lockName})`)
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.conn.end(() => resolve()))
    this.conn.destroy()
  }
}

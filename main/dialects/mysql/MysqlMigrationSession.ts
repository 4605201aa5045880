import type { Connection, ConnectionOptions } from 'mysql2'
import type { Cell } from '../../../shared/cells'
import type { ServerTarget } from '../../../shared/connectionUrl'
import { lockWaitExpired } from '../lockWaitExpired'
import type { ConnectOptions, MigrationSession } from '../types'
import { connect, connectionOptions, describeTarget } from './MysqlConnection'
import { schemaFingerprintSql } from './schemaFingerprint'
import { toSluiceError } from './toSluiceError'

/** Server-wide, so it names the database; hashed because a lock name is at most 64 characters. */
const lockName = "CONCAT('sluice_migrate:', SHA1(DATABASE()))"

/**
 * MySQL/MariaDB commit DDL implicitly, so a migration runs statement by
 * statement. Its own connection allows several statements per round trip:
 * a statement and its history update are sent together, and the server runs
 * the update only if the statement succeeded, even if this process has died
 * since sending them. A DML statement and its update also commit together.
 *
 * One gap is left by the server: a session killed while a DDL statement runs
 * may have applied it, and the error does not say. The catalog's fingerprint,
 * taken before the statement and again on a new connection, settles it.
 */
export class MysqlMigrationSession implements MigrationSession {
  readonly dialect = 'mysql' as const
  readonly beginStatement = 'START TRANSACTION'

  private conn!: Connection

  private constructor(
    private readonly config: ConnectionOptions,
    private readonly where: string,
  ) {}

  static async open(target: ServerTarget, options: ConnectOptions): Promise<MysqlMigrationSession> {
    const session = new MysqlMigrationSession(
      { ...connectionOptions(target, options), multipleStatements: true },
      describeTarget(target),
    )
    await session.reconnect()
    return session
  }

  private async reconnect(): Promise<void> {
    this.conn?.destroy()
    this.conn = await connect(this.config, this.where)
    // A connection killed by the server is reported by the next query; an unhandled 'error' would end the process.
    this.conn.on('error', () => undefined)
    // The fingerprint concatenates whole catalogs.
    await this.query('SET SESSION group_concat_max_len = 1073741824')
  }

  async query(sql: string): Promise<Cell[][]> {
    try {
      return await this.send(sql)
    } catch (error) {
      throw toSluiceError(error, this.where, sql)
    }
  }

  async runThenRecord(sql: string, record: string): Promise<void> {
    const before = await this.fingerprint()
    await this.send('START TRANSACTION')
    try {
      // The statement comes first, so a position the server names is within it.
      await this.send(`${sql};\n${record};\nCOMMIT`)
    } catch (error) {
      if (!(error as { fatal?: boolean }).fatal) {
        await this.send('ROLLBACK')
        throw toSluiceError(error, this.where, sql)
      }
      await this.reconnect()
      if ((await this.fingerprint()) !== before) await this.send(record)
      throw toSluiceError(error, this.where, sql)
    }
  }

  private async fingerprint(): Promise<string> {
    const [row] = await this.query(schemaFingerprintSql)
    return String(row?.[0])
  }

  private send(sql: string): Promise<Cell[][]> {
    return new Promise((resolve, reject) =>
      this.conn.query({ sql, rowsAsArray: true }, (error, rows) =>
        error ? reject(error) : resolve(Array.isArray(rows) ? (rows as unknown as Cell[][]) : []),
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

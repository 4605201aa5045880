import mysql, {
  type Connection,
  type ConnectionOptions,
  type FieldPacket,
  type ResultSetHeader,
  type RowDataPacket,
} from 'mysql2'
import type { Cell } from '../../../shared/cells'
import type { ServerTarget } from '../../../shared/connectionUrl'
import type { ColumnInfo, Notice, ObjectRef, SchemaObjects } from '../../../shared/contract'
import type { DatabaseSchema } from '../../../shared/schema/model'
import type { OtherObject, OtherObjectRef } from '../../../shared/schemaContract'
import { SluiceError } from '../../../shared/errors'
import { connectionBusy } from '../busy'
import { productVersion } from '../productVersion'
import { RowBatch } from '../RowBatch'
import type { ConnectOptions, DialectConnection, StreamEvent, StreamOptions } from '../types'
import { convertersFor } from './cellConverters'
import { columnType, type TypeContext } from './columnType'
import { definitionOf } from './definitionOf'
import { withEnumValues } from './enumTypes'
import { introspect } from './introspect'
import { listObjects } from './listObjects'
import { listOthers } from './listOthers'
import { toSluiceError } from './toSluiceError'

/** Batches buffered ahead of the consumer before the socket is paused. */
const maxBufferedBatches = 2

export function connectionOptions(
  target: ServerTarget,
  options: ConnectOptions,
): ConnectionOptions {
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database || undefined,
    connectTimeout: options.connectTimeoutMs,
    charset: 'UTF8MB4_GENERAL_CI',
    // Exactness first: BIGINT and DECIMAL as strings, dates as the server wrote them, JSON as text we tag ourselves.
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    jsonStrings: true,
    multipleStatements: false,
    ssl:
      target.sslMode === 'disable' || target.sslMode === 'prefer'
        ? undefined
        : { rejectUnauthorized: target.sslMode !== 'require' },
  }
}

export function describeTarget(target: ServerTarget): string {
  return `MySQL/MariaDB at ${target.host}:${target.port} as ${target.user}`
}

export class MysqlConnection implements DialectConnection {
  readonly dialect = 'mysql' as const
  private running = false
  /** Set by cancel(), so rows already buffered from a statement the server finished are not delivered. */
  private cancelRequested = false
  private broken: SluiceError | undefined

  private constructor(
    private readonly conn: Connection,
    private readonly options: ConnectionOptions,
    readonly serverVersion: string,
    private readonly where: string,
    private readonly types: TypeContext,
    /** The session's sql_mode has NO_BACKSLASH_ESCAPES: read at connect and after a statement that sets sql_mode. */
    private backslashesAreText: boolean,
  ) {
    conn.on('error', (error) => {
      this.broken = toSluiceError(error, where)
    })
  }

  static async open(target: ServerTarget, options: ConnectOptions): Promise<MysqlConnection> {
    const config = connectionOptions(target, options)
    const where = describeTarget(target)
    const conn = await connect(config, where)
    try {
      const [first] = await rows(conn, 'SELECT VERSION(), @@SESSION.sql_mode')
      const version = String(first?.[0] ?? '')
      const mariadb = /mariadb/i.test(version)
      const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number)
      const at = major * 10000 + minor * 100 + patch
      const widths = await rows(conn, charsetWidthsSql(mariadb && at >= 101000))
      return new MysqlConnection(
        conn,
        config,
        productVersion(mariadb ? 'MariaDB' : 'MySQL', version),
        where,
        {
          charsetWidths: new Map(widths.map(([id, width]) => [Number(id), Number(width)])),
          displayWidths: mariadb || at < 80019,
        },
        noBackslashEscapes(first?.[1]),
      )
    } catch (error) {
      conn.destroy()
      throw toSluiceError(error, where)
    }
  }

  async *stream(sql: string, options: StreamOptions): AsyncGenerator<StreamEvent, void, undefined> {
    if (this.broken) throw this.broken
    if (this.running) throw connectionBusy()
    this.running = true
    this.cancelRequested = false
    const feed = new StatementFeed(this.conn, options.batchSize, this.types)
    const query = this.conn.query({ sql, rowsAsArray: true })
    query.on('fields', (fields: FieldPacket[] | undefined) => feed.fields(fields))
    query.on('result', (row: unknown) => feed.row(row))
    query.on('error', (error: unknown) => feed.fail(error))
    query.on('end', () => feed.end())
    try {
      for (;;) {
        const event = await feed.next()
        if (event === undefined) return
        // Rows the server sent before KILL QUERY reached it are dropped, not shown after a cancel.
        if (this.cancelRequested)
          throw new SluiceError({ code: 'CANCELLED', message: 'Query cancelled' })
        if (event.kind === 'done') {
          for (const notice of await this.warnings()) yield { kind: 'notice', notice }
          if (/\bsql_mode\b/i.test(sql))
            this.backslashesAreText = noBackslashEscapes(
              (await rows(this.conn, 'SELECT @@SESSION.sql_mode'))[0]?.[0],
            )
          const refined = await this.enumValues(feed)
          if (refined) yield { kind: 'columnTypes', columns: refined }
        }
        yield event
      }
    } catch (error) {
      throw toSluiceError(error, this.where, sql)
    } finally {
      if (!feed.finished) {
        // The consumer stopped early: stop the statement on the server, then
        // read what is left so the connection is clean for the next one.
        await this.killQuery().catch(() => undefined)
        await feed.drain()
      }
      this.running = false
    }
  }

  /** The statement's warnings: MySQL keeps them for the session until the next statement. */
  private async warnings(): Promise<Notice[]> {
    return (await rows(this.conn, 'SHOW WARNINGS')).map((row) => ({
      level: String(row[0]),
      message: `${String(row[2])} (${String(row[1])})`,
    }))
  }

  /**
   * Read after the warnings, which the next statement would clear. A type
   * name is a convenience: failing to read it (no privilege on the catalog)
   * keeps the plain `enum` rather than failing the statement.
   */
  private async enumValues(feed: StatementFeed): Promise<ColumnInfo[] | null> {
    if (!feed.fieldPackets) return null
    return withEnumValues(feed.fieldPackets, feed.columns, (sql) => rows(this.conn, sql)).catch(
      () => null,
    )
  }

  async cancel(): Promise<boolean> {
    if (!this.running) return false
    this.cancelRequested = true
    try {
      await this.killQuery()
    } catch (error) {
      // The statement finished between the check and the KILL.
      if (error instanceof SluiceError && error.data.serverCode === 'ER_NO_SUCH_THREAD')
        return false
      throw error
    }
    // A paused socket would never read the server's "interrupted" reply.
    this.conn.resume()
    return true
  }

  listObjects(): Promise<SchemaObjects> {
    return this.catalog(() => listObjects(this.conn))
  }

  introspect(only?: ObjectRef): Promise<DatabaseSchema> {
    return this.catalog(() => introspect(this.conn, only ?? null))
  }

  listOthers(only?: OtherObjectRef): Promise<OtherObject[]> {
    return this.catalog(() => listOthers(this.conn, only))
  }

  definitionOf(object: OtherObjectRef): Promise<string[] | null> {
    return this.catalog(() => definitionOf(this.conn, object))
  }

  /** Catalog reads share the session, behind any running statement's rows: they refuse while one runs. */
  literalsRefusal(): string | null {
    return this.backslashesAreText
      ? "This session's sql_mode has NO_BACKSLASH_ESCAPES, where a backslash in a string literal is text, and the statements Sluice writes escape with backslashes: they are refused rather than risk matching other rows. Remove it from sql_mode for this session (SET sql_mode = …) or connect again"
      : null
  }

  private async catalog<T>(read: () => Promise<T>): Promise<T> {
    if (this.running) throw connectionBusy()
    try {
      return await read()
    } catch (error) {
      throw toSluiceError(error, this.where)
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.conn.end(() => resolve()))
  }

  /** KILL QUERY from a second session stops the statement and keeps this session. */
  private async killQuery(): Promise<void> {
    const killer = await connect(this.options, this.where)
    try {
      await new Promise<void>((resolve, reject) =>
        killer.query(`KILL QUERY ${Number(this.conn.threadId)}`, (error) =>
          error ? reject(error) : resolve(),
        ),
      )
    } catch (error) {
      throw toSluiceError(error, this.where)
    } finally {
      killer.destroy()
    }
  }
}

/**
 * Bytes per character at most by collation id. MariaDB 10.10 and later
 * number the collations it added for UCA 14 only in
 * COLLATION_CHARACTER_SET_APPLICABILITY (COLLATIONS lists them without an
 * id); MySQL has no ids there.
 */
function charsetWidthsSql(applicabilityIds: boolean): string {
  const collations = applicabilityIds
    ? 'information_schema.COLLATION_CHARACTER_SET_APPLICABILITY'
    : 'information_schema.COLLATIONS'
  return `SELECT c.ID, s.MAXLEN FROM ${collations} c JOIN information_schema.CHARACTER_SETS s ON s.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME WHERE c.ID IS NOT NULL`
}

/** Runs one small statement and keeps its rows, as arrays. */
function rows(conn: Connection, sql: string): Promise<unknown[][]> {
  return new Promise((resolve, reject) =>
    conn.query<RowDataPacket[]>({ sql, rowsAsArray: true }, (error, result) =>
      error ? reject(error) : resolve(result as unknown as unknown[][]),
    ),
  )
}

export function connect(config: ConnectionOptions, where: string): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const conn = mysql.createConnection(config)
    conn.connect((error) => {
      if (error) {
        conn.destroy()
        reject(toSluiceError(error, where))
      } else resolve(conn)
    })
  })
}

/**
 * Turns mysql2's push-style query events into a pull-style feed. When the
 * consumer falls behind, the socket is paused so rows wait on the server
 * instead of in memory.
 */
class StatementFeed {
  finished = false
  private queue: StreamEvent[] = []
  /** Set once the result's columns are known; `null` when rows need no conversion. */
  private converters: ((value: unknown) => Cell)[] | null | undefined
  /** The result's metadata and the columns named from it, for naming ENUM types once it is done. */
  fieldPackets: FieldPacket[] | undefined
  columns: ColumnInfo[] = []
  private batch: Cell[][] = []
  private affectedRows: number | null = null
  private error: unknown
  private wake: (() => void) | undefined
  private paused = false
  private discarding = false

  constructor(
    private readonly conn: Connection,
    private readonly batchSize: number,
    private readonly types: TypeContext,
  ) {}

  fields(fields: FieldPacket[] | undefined): void {
    // mysql2 announces "fields" with nothing for statements that return no rows.
    if (!fields) return
    this.converters = convertersFor(fields) ?? null
    this.fieldPackets = fields
    this.columns = fields.map((f) => ({ name: f.name, type: columnType(f, this.types) }))
    this.push({ kind: 'columns', columns: this.columns })
  }

  row(row: unknown): void {
    const converters = this.converters
    if (converters === undefined) {
      this.affectedRows = (row as ResultSetHeader).affectedRows ?? null
      return
    }
    if (converters === null) this.batch.push(row as Cell[])
    else {
      const values = row as unknown[]
      const cells = new Array<Cell>(values.length)
      for (let i = 0; i < values.length; i++) cells[i] = converters[i]!(values[i])
      this.batch.push(cells)
    }
    if (this.batch.length >= this.batchSize) this.flushBatch()
  }

  fail(error: unknown): void {
    this.error = error
    this.finished = true
    this.notify()
  }

  end(): void {
    if (this.finished) return
    const rowless = this.converters === undefined
    if (rowless) this.push({ kind: 'columns', columns: [] })
    // The statement's rows are all in: pausing now would pause the next command instead (a catalog read queued behind this statement never answered).
    this.flushBatch(false)
    this.push({ kind: 'done', affectedRows: rowless ? this.affectedRows : null })
    this.finished = true
  }

  async next(): Promise<StreamEvent | undefined> {
    for (;;) {
      const event = this.queue.shift()
      if (event) {
        if (this.paused && this.queue.length < maxBufferedBatches) {
          this.paused = false
          this.conn.resume()
        }
        return event
      }
      if (this.error !== undefined) throw this.error
      if (this.finished) return undefined
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  async drain(): Promise<void> {
    this.discarding = true
    this.queue = []
    if (this.paused) this.conn.resume()
    while (!this.finished) await new Promise<void>((resolve) => (this.wake = resolve))
  }

  private flushBatch(pauseIfBehind = true): void {
    if (this.discarding) this.batch = []
    if (this.batch.length === 0) return
    this.push(RowBatch.ofCells(this.batch))
    this.batch = []
    if (pauseIfBehind && this.queue.length >= maxBufferedBatches && !this.paused) {
      this.paused = true
      this.conn.pause()
    }
  }

  private push(event: StreamEvent): void {
    this.queue.push(event)
    this.notify()
  }

  private notify(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}

function noBackslashEscapes(sqlMode: unknown): boolean {
  return /\bNO_BACKSLASH_ESCAPES\b/i.test(String(sqlMode ?? ''))
}

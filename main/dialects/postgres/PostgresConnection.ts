import pg from 'pg'
import Cursor from 'pg-cursor'
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
import { cellTypes } from './cellParsers'
import { definitionOf } from './definitionOf'
import { introspect } from './introspect'
import { listObjects } from './listObjects'
import { listOthers } from './listOthers'
import { toSluiceError } from './toSluiceError'
import { loadTypeNames, typeName, type TypeNames } from './typeNames'

type Row = unknown[]

const rowCountCommands = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY'])

/**
 * Commands (the first word of the command tag) after which a type may have
 * been created, renamed or dropped, or the search_path that decides whether
 * format_type qualifies a name may have changed.
 */
const typeChangingCommands = new Set([
  'CREATE',
  'ALTER',
  'DROP',
  'DO',
  'CALL',
  'SET',
  'RESET',
  'IMPORT',
])

export function clientConfig(target: ServerTarget, options: ConnectOptions): pg.ClientConfig {
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database || undefined,
    connectionTimeoutMillis: options.connectTimeoutMs,
    application_name: 'Sluice',
    // node-postgres has no "prefer": it either insists on TLS or never tries.
    ssl:
      target.sslMode === 'disable' || target.sslMode === 'prefer'
        ? false
        : { rejectUnauthorized: target.sslMode !== 'require' },
  }
}

export function describeTarget(target: ServerTarget): string {
  return `PostgreSQL at ${target.host}:${target.port} as ${target.user}`
}

export class PostgresConnection implements DialectConnection {
  readonly dialect = 'postgres' as const
  private running = false
  /** Set by cancel(); the stream stops at its next fetch if the server had nothing running to cancel. */
  private cancelRequested = false
  private broken: SluiceError | undefined
  /** Set after a statement that may have changed types; the names are read again before the next one. */
  private typesStale = false
  /** The catalog read in flight; a statement waits for those asked before it. */
  private reading: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly client: pg.Client,
    private readonly config: pg.ClientConfig,
    private types: TypeNames,
    readonly serverVersion: string,
    private readonly where: string,
  ) {
    client.on('error', (error) => {
      this.broken = toSluiceError(error, where)
    })
  }

  static async open(target: ServerTarget, options: ConnectOptions): Promise<PostgresConnection> {
    const config = clientConfig(target, options)
    const where = describeTarget(target)
    const client = new pg.Client(config)
    try {
      await client.connect()
      const [version, types] = await Promise.all([
        client.query<{ v: string }>("SELECT current_setting('server_version') AS v"),
        loadTypeNames(client),
      ])
      return new PostgresConnection(
        client,
        config,
        types,
        productVersion('PostgreSQL', version.rows[0]?.v ?? ''),
        where,
      )
    } catch (error) {
      await client.end().catch(() => undefined)
      throw toSluiceError(error, where)
    }
  }

  async *stream(sql: string, options: StreamOptions): AsyncGenerator<StreamEvent, void, undefined> {
    if (this.broken) throw this.broken
    if (this.running) throw connectionBusy()
    this.running = true
    this.cancelRequested = false
    await this.reading.catch(() => undefined)
    if (this.typesStale) await this.reloadTypes()
    const notices: Notice[] = []
    const onNotice = (notice: { severity?: string; message?: string }) =>
      notices.push({ level: notice.severity ?? 'NOTICE', message: notice.message ?? '' })
    this.client.on('notice', onNotice)
    const cursor = this.client.query(
      new Cursor<Row>(sql, undefined, { rowMode: 'array', types: cellTypes }),
    )
    try {
      const first = await read(cursor, options.batchSize)
      // pg-cursor hands over the result (fields, command, row count) only while the portal is open.
      const result = first.result
      if (result && typeChangingCommands.has(result.command)) this.typesStale = true
      yield { kind: 'columns', columns: (result?.fields ?? []).map((f) => this.column(f)) }
      let rows = first.rows
      for (;;) {
        // Notices arrive on the socket between result messages, so they are passed on after each fetch.
        while (notices.length > 0) yield { kind: 'notice', notice: notices.shift()! }
        if (rows.length === 0) break
        yield RowBatch.ofCells(rows as Cell[][])
        // Between fetches the server is idle and ignores pg_cancel_backend, so the request is honoured here.
        if (this.cancelRequested)
          throw new SluiceError({ code: 'CANCELLED', message: 'Query cancelled' })
        rows = (await read(cursor, options.batchSize)).rows
      }
      yield {
        kind: 'done',
        affectedRows: result && rowCountCommands.has(result.command) ? result.rowCount : null,
      }
    } catch (error) {
      throw toSluiceError(error, this.where)
    } finally {
      await cursor.close().catch(() => undefined)
      this.client.off('notice', onNotice)
      this.running = false
    }
  }

  /**
   * Type names are a convenience: in a transaction a failed statement has
   * aborted, the read fails too, and the user's ROLLBACK must still run.
   */
  private async reloadTypes(): Promise<void> {
    try {
      this.types = await loadTypeNames(this.client)
      this.typesStale = false
    } catch {
      // Kept stale: read again before the next statement.
    }
  }

  /** A type created by another session since the names were read shows its OID this once. */
  private column(field: pg.FieldDef): ColumnInfo {
    const type = typeName(this.types, field.dataTypeID, field.dataTypeModifier)
    if (type === null) this.typesStale = true
    return { name: field.name, type: type ?? String(field.dataTypeID) }
  }

  async cancel(): Promise<boolean> {
    if (!this.running) return false
    this.cancelRequested = true
    const pid = (this.client as unknown as { processID: number }).processID
    // Cancelling from a second session stops only the statement, never this session.
    const canceller = new pg.Client(this.config)
    try {
      await canceller.connect()
      const { rows } = await canceller.query<{ ok: boolean }>(
        'SELECT pg_cancel_backend($1) AS ok',
        [pid],
      )
      return rows[0]?.ok === true
    } catch (error) {
      throw toSluiceError(error, this.where)
    } finally {
      await canceller.end().catch(() => undefined)
    }
  }

  listObjects(): Promise<SchemaObjects> {
    return this.catalog(() => listObjects(this.client))
  }

  introspect(only?: ObjectRef): Promise<DatabaseSchema> {
    return this.catalog(() => introspect(this.client, only ?? null))
  }

  listOthers(only?: OtherObjectRef): Promise<OtherObject[]> {
    return this.catalog(() => listOthers(this.client, only))
  }

  definitionOf(object: OtherObjectRef): Promise<string[] | null> {
    return this.catalog(() => definitionOf(this.client, object))
  }

  /** Catalog reads share the session, so they wait for no open cursor: they refuse while one runs. */
  /**
   * Catalog reads take turns: node-postgres would queue them itself, but
   * treats a query sent while another runs as deprecated (pg 9 drops it).
   */
  private catalog<T>(read: () => Promise<T>): Promise<T> {
    if (this.running) return Promise.reject(connectionBusy())
    const turn = this.reading
      .catch(() => undefined)
      .then(read)
      .catch((error: unknown) => {
        throw toSluiceError(error, this.where)
      })
    this.reading = turn
    return turn
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined)
  }
}

function read(
  cursor: Cursor<Row>,
  count: number,
): Promise<{ rows: Row[]; result: pg.QueryResult | undefined }> {
  return new Promise((resolve, reject) => {
    cursor.read(count, (error, rows, result) => (error ? reject(error) : resolve({ rows, result })))
  })
}

import type { ConnectionTarget, DialectName } from '../../shared/connectionUrl'
import type { ColumnInfo, Notice, ObjectRef, SchemaObjects } from '../../shared/contract'
import type { PlanNode } from '../../shared/plan'
import type { DatabaseSchema } from '../../shared/schema/model'
import type { RunStatement } from './explain'
import type { RowBatch } from './RowBatch'

/**
 * What differs between databases, stated once per dialect so that callers ask
 * `capabilities.transactionalDdl` instead of testing the dialect's name.
 */
export interface Capabilities {
  /** DDL inside a transaction can be rolled back (PostgreSQL, SQLite; not MySQL/MariaDB). */
  transactionalDdl: boolean
  /** Objects live in named schemas inside one database (PostgreSQL). */
  schemas: boolean
  /** Cancelling may lose an in-memory database, because the only way to stop it is to end its process. */
  cancelEndsSession: boolean
}

/** One step of a running statement: its columns once, rows in batches, then `done`; notices at any point. */
export type StreamEvent =
  | { kind: 'columns'; columns: ColumnInfo[] }
  | RowBatch
  | { kind: 'notice'; notice: Notice }
  | { kind: 'done'; affectedRows: number | null }

export interface StreamOptions {
  batchSize: number
}

export interface DialectConnection {
  readonly dialect: DialectName
  readonly serverVersion: string
  /**
   * Runs one statement. Rows are fetched from the server batch by batch as the
   * caller pulls, so memory holds at most a batch or two whatever the result's
   * size. Breaking out of the loop closes the server-side cursor.
   */
  stream(sql: string, options: StreamOptions): AsyncGenerator<StreamEvent, void, undefined>
  /** Stops the running statement, if any; the connection stays usable. */
  cancel(): Promise<boolean>
  /** Names, kinds and row estimates of every table and view, in one cheap catalog read. */
  listObjects(): Promise<SchemaObjects>
  /**
   * The schema model, read in a fixed number of batched catalog queries
   * whatever the number of tables; with `only`, just that table or view.
   */
  introspect(only?: ObjectRef): Promise<DatabaseSchema>
  close(): Promise<void>
}

export interface ConnectOptions {
  /** Gives up on connecting after this long. */
  connectTimeoutMs: number
}

export interface Dialect {
  readonly name: DialectName
  readonly capabilities: Capabilities
  connect(target: ConnectionTarget, options: ConnectOptions): Promise<DialectConnection>
  /** The only way generated SQL names a table, column or schema. */
  quoteIdentifier(name: string): string
  /** The only way generated SQL embeds a string value. */
  quoteLiteral(value: string): string
  /** CREATE statements, without terminating semicolons, that rebuild a model in an empty database. */
  generateDdl(schema: DatabaseSchema): string[]
  /** The statement's plan as a tree, read with the dialect's own EXPLAIN through `run`. */
  explainPlan(run: RunStatement, sql: string, analyze: boolean): Promise<PlanNode>
}

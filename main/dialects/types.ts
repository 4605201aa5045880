import type { Cell } from '../../shared/cells'
import type { ConnectionTarget, DialectName } from '../../shared/connectionUrl'
import type { ColumnInfo, Notice, ObjectRef, SchemaObjects } from '../../shared/contract'
import type { PlanNode } from '../../shared/plan'
import type { DatabaseSchema } from '../../shared/schema/model'
import type { SchemaChange } from '../../shared/schema/SchemaChange'
import type { MigrationPlan } from '../diff/MigrationPlan'
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
  /** ALTER TABLE adds and drops keys, checks and foreign keys; SQLite instead rebuilds the table. */
  alterConstraints: boolean
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

/**
 * The one server session a migration run applies through. Its lock is tied to
 * the session, so a process that dies mid-run can never leave a stale lock.
 */
export interface MigrationSession {
  readonly dialect: DialectName
  /** Runs one statement; rows are kept, so for small answers only (the history table). */
  query(sql: string): Promise<Cell[][]>
  /**
   * Runs a migration statement and then `record` (a history update) only if it
   * succeeded. Where DDL is not transactional both go in one round trip, so a
   * crash of this process cannot apply the statement without its record.
   */
  runThenRecord(sql: string, record: string): Promise<void>
  /** Waits up to `timeoutMs` for the migration lock of this database; BUSY if another applier keeps it. */
  lock(timeoutMs: number): Promise<void>
  unlock(): Promise<void>
  /**
   * SQLite: a table rebuild needs foreign keys off, which only works outside a
   * transaction, and a check of every key before the transaction commits.
   */
  readonly foreignKeySwitch?: ForeignKeySwitch
  /** Opens a migration's transaction; SQLite's takes the write lock at once, so concurrent appliers queue there. */
  readonly beginStatement: string
  close(): Promise<void>
}

/** Statements that turn foreign key enforcement off and on, and list violations (a row each). */
export interface ForeignKeySwitch {
  off: string
  on: string
  violations: string
}

export interface ConnectOptions {
  /** Gives up on connecting after this long. */
  connectTimeoutMs: number
}

export interface Dialect {
  readonly name: DialectName
  readonly capabilities: Capabilities
  connect(target: ConnectionTarget, options: ConnectOptions): Promise<DialectConnection>
  /** A session for the migration engine: history queries, statements, and the dialect's session-tied lock. */
  openMigrationSession(target: ConnectionTarget, options: ConnectOptions): Promise<MigrationSession>
  /** The only way generated SQL names a table, column or schema. */
  quoteIdentifier(name: string): string
  /** The only way generated SQL embeds a string value. */
  quoteLiteral(value: string): string
  /** CREATE statements, without terminating semicolons, that rebuild a model in an empty database. */
  generateDdl(schema: DatabaseSchema): string[]
  /** DDL for changes the diff listed in order; `target` is the schema they lead to. */
  planChanges(changes: SchemaChange[], target: DatabaseSchema): MigrationPlan
  /** The statement's plan as a tree, read with the dialect's own EXPLAIN through `run`. */
  explainPlan(run: RunStatement, sql: string, analyze: boolean): Promise<PlanNode>
}

import type { Cell } from '../../shared/cells'
import type { ConnectionTarget, DialectName } from '../../shared/connectionUrl'
import type { ColumnInfo, Notice, ObjectRef, SchemaObjects } from '../../shared/contract'
import type { Lookup } from '../../shared/json/lookups'
import type { PlanNode } from '../../shared/plan'
import type { DatabaseSchema } from '../../shared/schema/model'
import type { OtherObject, OtherObjectRef } from '../../shared/schemaContract'
import type { SchemaChange, TableRef } from '../../shared/schema/SchemaChange'
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
  /**
   * NULL sorts as larger than any value: last in ASC, first in DESC (PostgreSQL);
   * otherwise smaller: first in ASC, last in DESC (MySQL/MariaDB, SQLite). Keyset paging needs it.
   */
  nullsSortHigh: boolean
  /** LIKE is case-sensitive and ILIKE, which takes text only, is not (PostgreSQL). */
  ilike: boolean
  /**
   * An enum column compared with a string literal compares by declaration order, as ORDER BY
   * sorts it (PostgreSQL); MySQL/MariaDB sort by position but compare the text.
   */
  enumsCompareInOrder: boolean
  /**
   * ORDER BY ranks text and bytes by their first this many bytes only
   * (MySQL/MariaDB's max_sort_length, 1,024 by default), while `>` compares
   * them whole: longer values cannot be paged by key. Null: whole values.
   */
  sortPrefixBytes: number | null
  /** TRUNCATE TABLE exists; SQLite empties a table with DELETE, which it runs as a truncate. */
  truncate: boolean
  /** A trigger's name is unique only on its table, so DROP TRIGGER names the table too (PostgreSQL). */
  triggersPerTable: boolean
  /** Functions and procedures are overloaded, so DROP names their arguments (PostgreSQL). */
  overloadedRoutines: boolean
}

/**
 * One step of a running statement: its columns once, rows in batches, then
 * `done`; notices at any point. Where some types are known only once the
 * statement has finished (MySQL's ENUM values), `columnTypes` comes before
 * `done` with the same columns, their types named more exactly.
 */
export type StreamEvent =
  | { kind: 'columns'; columns: ColumnInfo[] }
  | { kind: 'columnTypes'; columns: ColumnInfo[] }
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
  /**
   * Sequences, types, domains, functions, procedures, triggers and events,
   * system and extension objects left out, in one catalog read per kind;
   * with `only`, just that object (an empty list once it is gone).
   */
  listOthers(only?: OtherObjectRef): Promise<OtherObject[]>
  /** The object's CREATE statements without terminating semicolons; null when it is gone. */
  definitionOf(object: OtherObjectRef): Promise<string[] | null>
  /**
   * Why the dialect's string literals would not mean what they say on this
   * session now (MySQL with NO_BACKSLASH_ESCAPES), or null. Generated
   * statements that carry values are refused while it is not null.
   */
  literalsRefusal?(): string | null
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

/**
 * A stand-in for a database that a preview runs migrations on, holding its
 * data (or a stated part of it); the real database never changes.
 */
export interface DataShadow {
  /** How it was made, in words for the preview. */
  readonly description: string
  /** Tables copied only in part: counts over them are estimates. */
  readonly cappedTables: ReadonlySet<string>
  /** SQLite: how a `foreign_keys:off` migration runs, as the Migrator runs it. */
  readonly foreignKeySwitch?: ForeignKeySwitch
  /**
   * Runs one statement and keeps its rows. A failing statement leaves the
   * ones before it in place, so the state it failed in can be examined.
   */
  query(sql: string): Promise<Cell[][]>
  introspect(): Promise<DatabaseSchema>
  /** Stops the running statement, so a cancelled preview does not wait for it. */
  cancel(): Promise<void>
  /** Throws the copy away, or rolls the transaction back. */
  close(): Promise<void>
}

export interface ShadowOptions {
  /** A connection to the real database, only read through: a copy is taken or rows are read with it. */
  source: DialectConnection
  /** The database's schema as introspected, to build a scratch copy from. */
  schema: DatabaseSchema
  /** The tables whose rows a scratch copy needs; others stay empty. */
  tables: TableRef[]
  /** Rows copied per table into a scratch copy. */
  rowCap: number
  /** False when a migration must run outside a transaction, which rules out a rolled-back one. */
  transactional: boolean
  /** How long a statement on a live database waits for a lock before the preview gives up, so it never blocks production for long. */
  lockTimeoutMs: number
  statementTimeoutMs: number
}

/**
 * The SQL pieces a data preflight counts with. Each `not…` is a condition on
 * a non-NULL value, true when it would not convert.
 */
export interface PreflightSql {
  charLength(expression: string): string
  notInteger(expression: string): string
  notNumber(expression: string): string
  notDate(expression: string): string
  notTimestamp(expression: string): string
  notJson(expression: string): string
  /** PostgreSQL: an exact test by trying the cast, after `setup` ran in the shadow's session. */
  tryCast?: { setup: string[]; fails(expression: string, type: string): string }
  /** A binary value given as base64, for copying rows into a scratch database. */
  bytesLiteral(base64: string): string
  /** Copied rows may point at parents that were not copied: statements that stop checking keys, and resume. */
  keyChecks: { off: string[]; on: string[] }
  /** Statements that bound every later statement of a scratch session. */
  statementTimeout(ms: number): string[]
  /** MySQL/MariaDB: a query for the session's sql_mode, which decides whether a value that does not fit fails or is cut. */
  sqlModeQuery?: string
  /** SQLite: declared types and lengths are not enforced, so a value that does not fit is kept, not lost. */
  enforcesTypes: boolean
}

/** The JSON types a filter tells apart; true and false are told apart too. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'true' | 'false' | 'null'

export type Comparison = '<' | '<=' | '>' | '>='

/**
 * The SQL pieces JSON filters compile to. `json` arguments are SQL
 * expressions holding a JSON value, or SQL NULL where a path is missing;
 * `text` arguments are SQL expressions holding text.
 */
export interface JsonSql {
  /** The column as a JSON document; NULL where it does not hold valid JSON. */
  document(column: string): string
  /** The value at `path` below `json`; a digit segment indexes an array, or names a key of an object. */
  at(json: string, path: string[]): string
  is(json: string, kind: JsonKind): string
  /** The content of a JSON string. */
  text(json: string): string
  /** A JSON number compared with `value`; never an error for another type. */
  compareNumber(json: string, comparison: Comparison | '=', value: number): string
  /** A string value as an SQL text expression. */
  literal(value: string): string
  /** Text compared by code point, whatever the collation. */
  compareText(left: string, comparison: Comparison | '=', right: string): string
  /** Lower case by Unicode rules, whatever the collation. */
  lower(text: string): string
  startsWith(text: string, prefix: string): string
  endsWith(text: string, suffix: string): string
  includes(text: string, part: string): string
  /** `pattern` is the user's pattern as written, not yet quoted. */
  regex(text: string, pattern: string, caseInsensitive: boolean): string
  /** An object's key, where the dialect has an operator an index can serve. */
  hasKey?(json: string, key: string): string
  /** Deep equality and containment: the dialect's own operators, or the pieces to spell them out. */
  structure: NativeStructure | ExpandedStructure
  /** The index that would serve `lookup` on this dialect, or null when none would. */
  indexFor(target: JsonIndexTarget, lookup: Lookup): JsonIndexPlan | null
  /** A query for up to `size` values of a column picked at random, reading about `size` rows where the table is big. */
  sample(table: string, column: string, size: number, estimatedRows: number | null): string
}

export interface JsonIndexTarget {
  /** The table as SQL names it, schema-qualified where needed. */
  table: string
  /** The bare table and column names, for naming the index. */
  tableName: string
  column: string
  /** MySQL or MariaDB: their JSON indexes differ. */
  serverVersion: string
}

export interface JsonIndexPlan {
  /** What kind of index, in words: "GIN (jsonb_path_ops)". */
  kind: string
  indexName: string
  ddl: string[]
  /** A condition the index can serve, implied by the lookup, put in front of it; '' when the lookup itself is served. */
  servedBy: string
  note: string
}

/** PostgreSQL: jsonb's `=`, `@>` and `<@` already have the filter's meaning. */
export interface NativeStructure {
  kind: 'native'
  equals(json: string, value: unknown): string
  contains(json: string, value: unknown): string
  containedBy(json: string, value: unknown): string
}

/** SQLite and MySQL/MariaDB: equality and containment are spelled out over elements and keys. */
export interface ExpandedStructure {
  kind: 'expanded'
  /** The number of an object's keys or an array's elements. */
  length(json: string): string
  /** True when `condition` holds for some element of an array (`alias` names the loop). */
  someElement(json: string, alias: string, condition: (element: string) => string): string
  /** True when `condition` holds for every element of an array. */
  everyElement(json: string, alias: string, condition: (element: string) => string): string
  /** True when every key of an object is one of `keys` (at least one). */
  keysWithin(json: string, alias: string, keys: string[]): string
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
  readonly preflight: PreflightSql
  /** A shadow of `target` for previews: a copy, a transaction always rolled back, or a scratch database. */
  openShadow(target: ConnectionTarget, options: ShadowOptions): Promise<DataShadow>
  readonly json: JsonSql
  /** The statement's plan as a tree, read with the dialect's own EXPLAIN through `run`. */
  explainPlan(run: RunStatement, sql: string, analyze: boolean): Promise<PlanNode>
}

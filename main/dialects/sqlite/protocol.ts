import type { ColumnInfo, SchemaObjects } from '../../../shared/contract'
import type { SluiceErrorData } from '../../../shared/errors'
import type { OtherObject, OtherObjectRef } from '../../../shared/schemaContract'

/** Messages between a SQLite connection and the child process that owns its database handle. */
export type ToChild =
  /** `nativeBinding`: better-sqlite3's addon built for Electron, when running there. */
  | { type: 'open'; file: string; nativeBinding: string | null }
  | { type: 'run'; sql: string; batchSize: number }
  /** The connection has taken a batch of rows: the child may send one more. */
  | { type: 'credit' }
  | { type: 'objects' }
  /** The schema model; `only` names one table or view. */
  | { type: 'introspect'; only: string | null }
  /** Triggers, SQLite's only other objects; `only` names one. */
  | { type: 'others'; only: OtherObjectRef | null }
  | { type: 'definition'; object: OtherObjectRef }
  /** Copy the database to `file` with SQLite's online backup API, for a preview's shadow. */
  | { type: 'backup'; file: string }
  /** Close the database (checkpointing a WAL) and exit. */
  | { type: 'close' }

export type FromChild =
  | { type: 'opened'; version: string }
  /** Sent before a statement runs; a statement that returns no rows runs as one uninterruptible step. */
  | { type: 'started'; reader: boolean }
  | { type: 'columns'; columns: ColumnInfo[] }
  /** A batch as the JSON text of its cells, encoded in the child so the main process need not. */
  | { type: 'rows'; json: string; count: number }
  | { type: 'done'; affectedRows: number | null }
  | { type: 'objects'; objects: SchemaObjects }
  /**
   * The model as JSON text: for thousands of tables, structured clone costs
   * about four times what JSON.stringify and JSON.parse do together.
   */
  | { type: 'schema'; json: string }
  | { type: 'others'; objects: OtherObject[] }
  /** The object's CREATE statements; null when it is gone. */
  | { type: 'definition'; ddl: string[] | null }
  | { type: 'backedUp' }
  | { type: 'error'; error: SluiceErrorData }

/** Row batches the child may send ahead of the connection before it waits for a credit. */
export const creditWindow = 4

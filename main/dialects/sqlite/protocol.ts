import type { ColumnInfo, SchemaObjects } from '../../../shared/contract'
import type { SluiceErrorData } from '../../../shared/errors'

/** Messages between a SQLite connection and the worker thread that owns its database handle. */
export type ToWorker =
  | { type: 'open'; file: string }
  | { type: 'run'; sql: string; batchSize: number }
  | { type: 'objects' }
  /** The schema model; `only` names one table or view. */
  | { type: 'introspect'; only: string | null }
  | { type: 'close' }

export type FromWorker =
  | { type: 'opened'; version: string }
  /** Sent before a statement runs; a statement that returns no rows runs as one uninterruptible step. */
  | { type: 'started'; reader: boolean }
  | { type: 'columns'; columns: ColumnInfo[] }
  /** A batch as the JSON text of its cells, encoded in the worker so the main thread need not. */
  | { type: 'rows'; json: string; count: number }
  | { type: 'done'; affectedRows: number | null }
  | { type: 'objects'; objects: SchemaObjects }
  /**
   * The model as JSON text: for thousands of tables, structured clone costs
   * about four times what JSON.stringify and JSON.parse do together.
   */
  | { type: 'schema'; json: string }
  | { type: 'closed' }
  | { type: 'error'; error: SluiceErrorData }

/** Shared with the worker: the number of row batches it may send before it must wait. */
export interface WorkerData {
  credits: SharedArrayBuffer
  /** better-sqlite3's addon built for Electron, when running there. */
  nativeBinding?: string
}

export const creditWindow = 4

import type { HistoryRow } from './history/HistoryRow'
import type { MigrationFile } from './MigrationFile'

export const migrationStates = [
  'applied',
  'pending',
  'modified',
  'missing',
  'failed',
  'out_of_order',
] as const

export type MigrationState = (typeof migrationStates)[number]

/** One migration as status shows it: the file, the history row, or both. */
export interface MigrationStatus {
  version: string
  name: string
  status: MigrationState
  /** Null when the file is gone (missing). */
  file: MigrationFile | null
  /** Null while it has never been applied. */
  history: HistoryRow | null
}

import type { z } from 'zod'
import type { migrationStateSchema } from '../../shared/migrationsContract'
import type { HistoryRow } from './history/HistoryRow'
import type { MigrationFile } from './MigrationFile'

/** Defined once in the contract, which the panel and the CLI's JSON share. */
export type MigrationState = z.infer<typeof migrationStateSchema>

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

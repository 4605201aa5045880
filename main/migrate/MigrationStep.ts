/** One migration to run in one direction, split into the statements that will be sent. */
export interface MigrationStep {
  version: string
  name: string
  direction: 'up' | 'down'
  statements: string[]
  /** False for `transaction:false` sections, and always on MySQL/MariaDB, whose DDL commits implicitly. */
  transaction: boolean
  /** SQLite: foreign keys off around the transaction, and checked before it commits. */
  foreignKeysOff: boolean
  /** Statements already applied by an earlier, failed run (MySQL/MariaDB retry): these are skipped. */
  from: number
}

/** Live progress of a run, for the CLI's lines and the panel's bar. */
export type MigrationProgress =
  | { kind: 'step'; step: MigrationStep; index: number; count: number }
  | { kind: 'statement'; version: string; index: number; count: number; sql: string }
  | { kind: 'stepDone'; version: string; executionMs: number }
  | { kind: 'skipped'; version: string; reason: string }

import type { Cell } from './cells'
import type { SchemaChange } from './schema/SchemaChange'

/**
 * What a preview found in the data, kind by kind, as `sluice migrate plan
 * --json` prints it:
 * - `not_null`: rows holding NULL where NOT NULL is wanted;
 * - `unique`: rows sharing a value a new unique key or index forbids;
 * - `foreign_key`: rows whose new foreign key points at no row;
 * - `length`: values that do not fit a shorter VARCHAR, a smaller integer or a lower precision;
 * - `type`: values that would not convert to a new type;
 * - `check`: rows a new CHECK rejects;
 * - `drop_column`: non-NULL values a dropped column throws away;
 * - `drop_table`: rows a dropped table throws away;
 * - `enum`: rows using an enum value that goes.
 */
export type FindingKind =
  | 'not_null'
  | 'unique'
  | 'foreign_key'
  | 'length'
  | 'type'
  | 'check'
  | 'drop_column'
  | 'drop_table'
  | 'enum'

/** What happens to the rows found: the migration fails on them, their data is lost, or they are kept but worth a look. */
export type FindingEffect = 'fails' | 'loses' | 'warns'

/**
 * `not_run`: an earlier migration of the same run fails on the shadow, so
 * this one was never tried; it says nothing about the migration itself.
 */
export type Verdict = 'clean' | 'will_fail' | 'loses_data' | 'warning' | 'not_run'

/** Up to ten offending rows: the primary key (or rowid) and the offending value. */
export interface Examples {
  columns: string[]
  rows: Cell[][]
}

export interface Finding {
  kind: FindingKind
  namespace: string
  table: string
  column: string | null
  /** Offending rows (for `drop_column`, non-NULL values). */
  count: number
  /** True when counted over a sample of a large table or over a capped copy; `message` says which. */
  estimate: boolean
  effect: FindingEffect
  message: string
  examples: Examples
}

/** One statement as it ran on the shadow. */
export interface StatementRun {
  sql: string
  /** Null when it did not run: an earlier statement failed. */
  ms: number | null
  error: string | null
}

export interface MigrationPreview {
  version: string
  name: string
  verdict: Verdict
  /** The verdict in words, counts included. */
  reason: string
  statements: StatementRun[]
  /** The schema before and after, as the diff engine lists the difference. */
  changes: SchemaChange[]
  findings: Finding[]
  /** Checks that could not be made, and what the shadow could not stand in for. */
  notes: string[]
}

export interface PreviewReport {
  /** How the shadow was made, e.g. "a copy taken with SQLite's backup API". */
  shadow: string
  migrations: MigrationPreview[]
}

/** The worst verdict of a run: what `sluice migrate plan` exits with and what Apply must confirm. */
export function overallVerdict(migrations: MigrationPreview[]): Verdict {
  const order: Verdict[] = ['will_fail', 'loses_data', 'warning', 'not_run', 'clean']
  for (const verdict of order) if (migrations.some((m) => m.verdict === verdict)) return verdict
  return 'clean'
}

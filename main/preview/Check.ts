import type { FindingKind } from '../../shared/preview'

/** When a check can be counted: on the data before the migration, or where it failed. */
export type CheckPhase = 'before' | 'onFailure'

/**
 * One data preflight question about one table, as SQL over the table under
 * the alias `o`: which rows offend, and what to show beside their key.
 */
export interface Check {
  kind: FindingKind
  phase: CheckPhase
  namespace: string
  table: string
  column: string | null
  /** Offending rows; null when every row counts (a dropped table). */
  condition: string | null
  /** Values shown beside each example's key, by label. */
  shown: { label: string; expression: string }[]
  /** The finding in words, given its count already spelled ("7", "about 7"). */
  message(count: string): string
}

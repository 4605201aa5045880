/** One row of `sluice_migrations`. */
export interface HistoryRow {
  version: string
  name: string
  checksum: string
  appliedAt: string
  appliedBy: string
  executionMs: number
  statementsTotal: number
  statementsApplied: number
  status: 'applied' | 'failed'
  error: string | null
  failedStatement: string | null
}

import type { MigrationEntry } from '../../shared/migrationsContract'
import type { MigrationStatus } from './MigrationStatus'

/** One migration's status as `status --json` prints it and the panel lists it, without the file's SQL. */
export function statusEntry(
  s: MigrationStatus,
): Omit<MigrationEntry, 'sql' | 'downSql' | 'hasDown'> {
  const row = s.history
  return {
    version: s.version,
    name: s.name,
    status: s.status,
    path: s.file?.path ?? null,
    checksum: s.file?.checksum ?? null,
    appliedChecksum: row?.checksum ?? null,
    appliedAt: row?.appliedAt ?? null,
    appliedBy: row?.appliedBy ?? null,
    executionMs: row?.executionMs ?? null,
    statementsApplied: row?.statementsApplied ?? null,
    statementsTotal: row?.statementsTotal ?? null,
    error: row?.error ?? null,
    failedStatement: row?.failedStatement ?? null,
  }
}

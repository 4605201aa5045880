import type { MigrationSession } from '../../dialects/types'
import type { HistoryRow } from '../history/HistoryRow'
import type { MigrationFile } from '../MigrationFile'

/**
 * Reads another tool's history table as Sluice's rows, or null when the
 * database does not have it. Where the tool's stored checksum matches the
 * file's, the row carries Sluice's checksum, so status compares like with like.
 */
export type ForeignHistory = (
  session: MigrationSession,
  files: MigrationFile[],
) => Promise<HistoryRow[] | null>

/** A row for an applied or failed migration, the fields a foreign table lacks left empty. */
export function foreignRow(
  file: MigrationFile | undefined,
  row: Partial<HistoryRow> & {
    version: string
    status: HistoryRow['status']
    storedChecksum: string | null
  },
): HistoryRow {
  const { storedChecksum, ...rest } = row
  const matches = storedChecksum === null || storedChecksum === file?.toolChecksum
  return {
    name: file?.name ?? row.version,
    checksum: matches && file ? file.checksum : (storedChecksum ?? ''),
    appliedAt: '',
    appliedBy: '',
    executionMs: 0,
    statementsTotal: 0,
    statementsApplied: 0,
    error: null,
    failedStatement: null,
    ...rest,
  }
}

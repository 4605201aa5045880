import type { HistoryRow } from './history/HistoryRow'
import type { MigrationFile } from './MigrationFile'
import type { MigrationStatus } from './MigrationStatus'
import { compareVersions } from './versionOrder'

/**
 * Joins the folder and the history by version. A pending file older than the
 * newest applied one is out of order: it was likely merged from a branch after
 * newer migrations ran, and whether it still fits is for a person to judge.
 */
export function computeStatus(files: MigrationFile[], history: HistoryRow[]): MigrationStatus[] {
  const rows = new Map(history.map((row) => [row.version, row]))
  const newestApplied = history
    .map((row) => row.version)
    .reduce<string | null>((a, b) => (a === null || compareVersions(b, a) > 0 ? b : a), null)
  const statuses: MigrationStatus[] = files.map((file) => {
    const row = rows.get(file.version) ?? null
    rows.delete(file.version)
    const status = !row
      ? newestApplied !== null && compareVersions(file.version, newestApplied) < 0
        ? 'out_of_order'
        : 'pending'
      : row.status === 'failed'
        ? 'failed'
        : row.checksum !== file.checksum
          ? 'modified'
          : 'applied'
    return { version: file.version, name: file.name, status, file, history: row }
  })
  for (const row of rows.values())
    statuses.push({
      version: row.version,
      name: row.name,
      status: 'missing',
      file: null,
      history: row,
    })
  return statuses.sort((a, b) => compareVersions(a.version, b.version))
}

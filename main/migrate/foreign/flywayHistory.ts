import type { HistoryRow } from '../history/HistoryRow'
import { tableExists } from '../history/tableExists'
import { foreignRow, type ForeignHistory } from './ForeignHistory'

/**
 * `flyway_schema_history`: one row per run in `installed_rank` order. A
 * repeatable's latest run is the one that counts; an undo removes its
 * version; `success` false is a failed migration.
 */
export const flywayHistory: ForeignHistory = async (session, files) => {
  if (!(await tableExists(session, 'flyway_schema_history'))) return null
  const rows = await session.query(
    'SELECT version, script, checksum, installed_by, installed_on, execution_time, success, type ' +
      'FROM flyway_schema_history ORDER BY installed_rank',
  )
  const byVersion = new Map<string, HistoryRow>()
  for (const [version, script, checksum, by, on, ms, success, type] of rows) {
    if (type === 'SCHEMA' || type === 'DELETE') continue
    const key = version === null ? String(script).replace(/\.sql$/, '') : String(version)
    if (type === 'UNDO_SQL') {
      byVersion.delete(key)
      continue
    }
    const ok = success === true || Number(success) === 1
    byVersion.set(
      key,
      foreignRow(
        files.find((f) => f.version === key),
        {
          version: key,
          status: ok ? 'applied' : 'failed',
          storedChecksum: checksum === null ? null : String(checksum),
          appliedAt: String(on),
          appliedBy: String(by),
          executionMs: Number(ms),
          error: ok ? null : 'Flyway recorded this migration as failed',
        },
      ),
    )
  }
  return [...byVersion.values()]
}

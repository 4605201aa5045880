import type Database from 'better-sqlite3'
import type { SchemaObject, SchemaObjects } from '../../../shared/contract'

const objectsSql = `
SELECT 'main' AS schema, name, type AS kind FROM sqlite_schema
WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
ORDER BY name`

// The leading number of sqlite_stat1.stat is the table's row count when ANALYZE last ran.
const estimatesSql = `SELECT tbl, max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 GROUP BY tbl`

/** Names from sqlite_schema; row estimates from sqlite_stat1 where ANALYZE has filled it. */
export function listObjects(db: Database.Database): SchemaObjects {
  const hasStatistics = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'`).get()
  const estimates = new Map<string, number>(
    hasStatistics
      ? (db.prepare(estimatesSql).all() as { tbl: string; n: number }[]).map((r) => [r.tbl, r.n])
      : [],
  )
  const objects = (db.prepare(objectsSql).all() as Omit<SchemaObject, 'rowEstimate'>[]).map(
    (o) => ({ ...o, rowEstimate: estimates.get(o.name) ?? null }),
  )
  return { namespaces: ['main'], objects }
}

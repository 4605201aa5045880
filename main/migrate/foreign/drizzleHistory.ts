import { tableExists } from '../history/tableExists'
import { foreignRow, type ForeignHistory } from './ForeignHistory'

/**
 * `__drizzle_migrations` (in schema `drizzle` on PostgreSQL): the file's hash
 * and the journal's `when` as `created_at`, which is how drizzle matches
 * rows to migrations. It never compares the hash; Sluice does.
 */
export const drizzleHistory: ForeignHistory = async (session, files) => {
  const pg = session.dialect === 'postgres'
  if (!(await tableExists(session, '__drizzle_migrations', pg ? 'drizzle' : undefined))) return null
  const table = pg ? 'drizzle.__drizzle_migrations' : '__drizzle_migrations'
  const rows = await session.query(`SELECT hash, created_at FROM ${table} ORDER BY created_at`)
  return rows.map(([hash, createdAt]) => {
    const when = String(createdAt)
    const file = files.find((f) => f.toolChecksum?.startsWith(`${when}:`))
    return foreignRow(file, {
      version: file?.version ?? `created ${when}`,
      status: 'applied',
      storedChecksum: `${when}:${String(hash)}`,
      appliedAt: new Date(Number(when)).toISOString(),
    })
  })
}

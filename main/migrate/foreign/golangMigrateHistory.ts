import { tableExists } from '../history/tableExists'
import { compareVersions } from '../versionOrder'
import { foreignRow, type ForeignHistory } from './ForeignHistory'

/**
 * golang-migrate keeps one row: the last version reached and whether it is
 * "dirty" (it failed part way). Everything up to it counts as applied; a dirty
 * version is failed, which is what golang-migrate users repair by hand.
 */
export const golangMigrateHistory: ForeignHistory = async (session, files) => {
  if (!(await tableExists(session, 'schema_migrations'))) return null
  const [row] = await session.query('SELECT version, dirty FROM schema_migrations')
  if (!row) return []
  const current = String(row[0])
  const dirty = row[1] === true || Number(row[1]) === 1
  const rows = files
    .filter((f) => compareVersions(f.version, current) < 0)
    .map((f) => foreignRow(f, { version: f.version, status: 'applied', storedChecksum: null }))
  const file = files.find((f) => compareVersions(f.version, current) === 0)
  rows.push(
    foreignRow(file, {
      version: file?.version ?? current,
      status: dirty ? 'failed' : 'applied',
      storedChecksum: null,
      error: dirty ? 'golang-migrate marked this version dirty: it failed part way' : null,
    }),
  )
  return rows
}

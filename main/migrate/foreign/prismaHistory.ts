import { tableExists } from '../history/tableExists'
import { foreignRow, type ForeignHistory } from './ForeignHistory'

/**
 * `_prisma_migrations`: a row per attempt. A finished one is applied, an
 * unfinished one failed (Prisma's P3009), a rolled-back one no longer counts.
 */
export const prismaHistory: ForeignHistory = async (session, files) => {
  if (!(await tableExists(session, '_prisma_migrations'))) return null
  const rows = await session.query(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, started_at, applied_steps_count, logs ' +
      'FROM _prisma_migrations ORDER BY started_at',
  )
  return rows
    .filter((row) => row[3] === null)
    .map(([name, checksum, finished, , started, steps, logs]) => {
      const file = files.find((f) => `${f.version}_${f.name}` === name)
      return foreignRow(file, {
        version: file?.version ?? String(name).split('_')[0]!,
        name: file?.name ?? String(name).replace(/^\d+_/, ''),
        status: finished === null ? 'failed' : 'applied',
        storedChecksum: String(checksum),
        appliedAt: String(finished ?? started),
        statementsApplied: Number(steps),
        error: finished === null ? String(logs ?? 'Prisma did not finish this migration') : null,
      })
    })
}

import type { ConnectionTarget } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import type { SchemaChange } from '../../shared/schema/SchemaChange'
import type { DatabaseSchema } from '../../shared/schema/model'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import { diffSchemas } from '../diff/diffSchemas'
import { withoutHistory } from '../diff/sources/loadSchema'
import { openScratchDatabase } from '../diff/sources/scratchDatabase'
import { withNamespaceName } from '../schema/withNamespaceName'
import { isTransactionControl, type PreviewStep } from './PreviewStep'
import { statedRenames } from './statedRenames'

/** A migration's effect on the schema alone. */
export interface PlannedStep {
  before: DatabaseSchema
  after: DatabaseSchema
  changes: SchemaChange[]
  /** The error when the statements fail even on empty tables (a typo, a missing object). */
  error: string | null
}

/**
 * Runs the migrations on an empty scratch database built from `schema`, and
 * introspects after each, so each one's changes are known before any data is
 * touched. Stops after the first that fails.
 */
export async function schemaRun(
  target: ConnectionTarget,
  schema: DatabaseSchema,
  steps: PreviewStep[],
  signal?: AbortSignal,
): Promise<PlannedStep[]> {
  const scratch = await openScratchDatabase(target)
  const connection = scratch.connection
  const namespace = schema.namespaces[0]?.name ?? ''
  const single = !dialects[target.dialect].capabilities.schemas
  const read = async () => {
    const model = withoutHistory(await connection.introspect())
    return single ? withNamespaceName(model, namespace) : model
  }
  // A long statement is stopped too, not only the ones after it.
  const stop = () => void connection.cancel().catch(() => undefined)
  signal?.addEventListener('abort', stop)
  try {
    for (const sql of dialects[target.dialect].generateDdl(schema))
      await collectRows(connection, sql)
    let before = await read()
    const planned: PlannedStep[] = []
    for (const step of steps) {
      let error: string | null = null
      const switchOff = step.foreignKeysOff && target.dialect === 'sqlite'
      if (switchOff) await collectRows(connection, 'PRAGMA foreign_keys = OFF')
      for (const sql of step.statements) {
        if (signal?.aborted) throw cancelled()
        if (isTransactionControl(sql)) continue
        try {
          await collectRows(connection, sql)
        } catch (e) {
          if (signal?.aborted) throw cancelled()
          error = (e as Error).message
          break
        }
      }
      if (switchOff) await collectRows(connection, 'PRAGMA foreign_keys = ON')
      const after = await read()
      const first = diffSchemas(before, after)
      const renames = statedRenames(first.renameCandidates, step.statements)
      const changes =
        renames.length > 0 ? diffSchemas(before, after, { renames }).changes : first.changes
      planned.push({ before, after, changes, error })
      if (error) break
      before = after
    }
    return planned
  } finally {
    signal?.removeEventListener('abort', stop)
    await scratch.close()
  }
}

export function cancelled(): SluiceError {
  return new SluiceError({ code: 'CANCELLED', message: 'The preview was cancelled' })
}

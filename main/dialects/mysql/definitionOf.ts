import type { Connection } from 'mysql2'
import { SluiceError } from '../../../shared/errors'
import type { OtherObjectKind, OtherObjectRef } from '../../../shared/schemaContract'
import { qualifiedName } from '../../../shared/sql/quote'
import { catalogRows } from './catalogRows'

/** The SHOW CREATE form for each kind, and the column its statement comes back in. */
const shows: Partial<Record<OtherObjectKind, { keyword: string; column: string }>> = {
  procedure: { keyword: 'PROCEDURE', column: 'Create Procedure' },
  function: { keyword: 'FUNCTION', column: 'Create Function' },
  trigger: { keyword: 'TRIGGER', column: 'SQL Original Statement' },
  event: { keyword: 'EVENT', column: 'Create Event' },
}

/** ER_SP_DOES_NOT_EXIST, ER_TRG_DOES_NOT_EXIST, ER_EVENT_DOES_NOT_EXIST. */
const missingErrnos = new Set([1305, 1360, 1539])

/**
 * The object's CREATE statement as SHOW CREATE prints it (its DEFINER
 * included, names unqualified), or null when it is gone.
 */
export async function definitionOf(
  conn: Connection,
  object: OtherObjectRef,
): Promise<string[] | null> {
  const show = shows[object.kind]
  if (!show) return null
  const sql = `SHOW CREATE ${show.keyword} ${qualifiedName('mysql', object.schema, object.name)}`
  const rows = await catalogRows<Record<string, string | null>>(conn, sql).catch(
    (error: { errno?: number }) => {
      if (error.errno !== undefined && missingErrnos.has(error.errno)) return null
      throw error
    },
  )
  if (rows === null || rows.length === 0) return null
  const ddl = rows[0]![show.column]
  if (ddl === null || ddl === undefined)
    throw new SluiceError({
      code: 'SQL_ERROR',
      message: `The server shows the definition of ${object.kind} "${object.name}" only to its definer or to a user allowed to read routine bodies; ask for that privilege or connect as the definer`,
    })
  return [ddl]
}

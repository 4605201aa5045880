import { SluiceError } from '../../shared/errors'
import type { OtherObjectRef } from '../../shared/schemaContract'
import type { DialectConnection } from '../dialects/types'
import { objectLabel } from './objectLabel'

/**
 * The object's DDL for the structure view: its statements, each ended by a
 * semicolon, a blank line apart, as `schema.describe` gives a table's.
 * Throws NOT_FOUND naming the object when it is gone.
 */
export async function objectDefinition(
  connection: DialectConnection,
  object: OtherObjectRef,
): Promise<string> {
  const statements = await connection.definitionOf(object)
  if (statements === null) throw gone(object)
  return statements.map((statement) => `${statement.trim()};`).join('\n\n')
}

export function gone(object: OtherObjectRef): SluiceError {
  return new SluiceError({
    code: 'NOT_FOUND',
    message: `No ${objectLabel(object)} in "${object.schema}"; it may have been dropped. Refresh the schema tree`,
  })
}

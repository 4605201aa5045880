import { SluiceError } from '../../shared/errors'
import type { ObjectAction, StatementTarget } from '../../shared/schemaContract'
import { exactName } from '../../shared/sql/quote'
import { dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { dropStatement } from './dropStatement'
import { gone } from './objectDefinition'
import {
  deleteTemplate,
  insertTemplate,
  selectTemplate,
  truncateStatement,
  updateTemplate,
} from './tableTemplates'

export interface ObjectStatement {
  sql: string
  /** TRUNCATE and DROP: the UI confirms, naming the object, before running them. */
  destructive: boolean
}

/**
 * The statement the schema tree's context menu puts in the editor for
 * `action` on `target`. What the object is comes from the catalog, never the
 * caller: a table or view is introspected alone, another object is looked up
 * by its identity. Throws NOT_FOUND when it is gone, BAD_REQUEST for an
 * action its kind has not (only a table truncates; only tables and views
 * have templates).
 */
export async function objectStatement(
  connection: DialectConnection,
  target: StatementTarget,
  action: ObjectAction,
): Promise<ObjectStatement> {
  const dialect = dialects[connection.dialect]
  if (target.kind !== 'table' && target.kind !== 'view') {
    if (action !== 'drop') throw unsupported(action, target.kind)
    const object = { ...target, kind: target.kind, identity: target.identity ?? '' }
    const [found] = await connection.listOthers(object)
    if (!found) throw gone(object)
    return { sql: dropStatement(dialect, found), destructive: true }
  }

  const model = await connection.introspect({ schema: target.schema, name: target.name })
  const namespace = model.namespaces[0]
  const table = namespace?.tables.find((t) => t.name === target.name)
  const view = namespace?.views.find((v) => v.name === target.name)
  const name = exactName(dialect.name, target.schema, target.name)
  if (table) {
    switch (action) {
      case 'select':
        return safe(
          selectTemplate(
            dialect,
            name,
            table.columns.map((c) => c.name),
          ),
        )
      case 'insert':
        return safe(insertTemplate(dialect, name, table))
      case 'update':
        return safe(updateTemplate(dialect, name, table))
      case 'delete':
        return safe(deleteTemplate(dialect, name, table))
      case 'truncate':
        return { sql: truncateStatement(dialect, name), destructive: true }
      case 'drop':
        return { sql: dropStatement(dialect, { ...target, kind: 'table' }), destructive: true }
    }
  }
  if (view) {
    if (action === 'select') return safe(selectTemplate(dialect, name, view.columns))
    if (action === 'drop')
      return {
        sql: dropStatement(dialect, { ...target, kind: 'view', materialized: view.materialized }),
        destructive: true,
      }
    throw unsupported(action, 'view')
  }
  throw new SluiceError({
    code: 'NOT_FOUND',
    message: `No table or view "${target.name}" in "${target.schema}"; it may have been dropped. Refresh the schema tree`,
  })
}

const safe = (sql: string): ObjectStatement => ({ sql, destructive: false })

function unsupported(action: ObjectAction, kind: string): SluiceError {
  const offered = kind === 'view' ? 'select and drop' : 'drop'
  return new SluiceError({
    code: 'BAD_REQUEST',
    message: `There is no ${action} statement for a ${kind}; a ${kind} offers ${offered}`,
  })
}

import { SluiceError } from '../../shared/errors'
import type { Backfill, Rename } from '../../shared/schema/SchemaChange'
import type { DatabaseSchema, Namespace, Table } from '../../shared/schema/model'

/**
 * Reads `--rename table.old=new` (a column) or `--rename old=new` (a table)
 * against the source schema. Names may hold dots, so the split is the one
 * that names a real table and column; a schema may lead (`sales.order.x=y`).
 */
export function parseRenameOption(text: string, from: DatabaseSchema): Rename {
  const [left, to] = splitAtEquals(text, '--rename', 'table.old=new or old=new')
  const table = findTable(left, from)
  if (table) return { kind: 'table', namespace: table.ns.name, from: table.table.name, to }
  const column = findColumn(left, from)
  if (column)
    return {
      kind: 'column',
      namespace: column.ns.name,
      table: column.table.name,
      from: column.column,
      to,
    }
  throw new SluiceError({
    code: 'BAD_REQUEST',
    message: `--rename ${text}: the source schema has no table or column "${left}"`,
  })
}

/** Reads `--default table.column=VALUE` against the target schema, where the column is. */
export function parseDefaultOption(text: string, to: DatabaseSchema): Backfill {
  const [left, value] = splitAtEquals(text, '--default', 'table.column=VALUE')
  const column = findColumn(left, to)
  if (!column)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `--default ${text}: the target schema has no column "${left}"`,
    })
  return { namespace: column.ns.name, table: column.table.name, column: column.column, value }
}

function splitAtEquals(text: string, option: string, form: string): [string, string] {
  const at = text.indexOf('=')
  if (at <= 0 || at === text.length - 1)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `${option} takes ${form}, not "${text}"`,
    })
  return [text.slice(0, at), text.slice(at + 1)]
}

function findTable(name: string, schema: DatabaseSchema): { ns: Namespace; table: Table } | null {
  for (const ns of schema.namespaces) {
    const bare = ns.tables.find((t) => t.name === name)
    if (bare) return { ns, table: bare }
    const qualified = ns.tables.find((t) => `${ns.name}.${t.name}` === name)
    if (qualified) return { ns, table: qualified }
  }
  return null
}

function findColumn(
  text: string,
  schema: DatabaseSchema,
): { ns: Namespace; table: Table; column: string } | null {
  for (let dot = text.lastIndexOf('.'); dot > 0; dot = text.lastIndexOf('.', dot - 1)) {
    const found = findTable(text.slice(0, dot), schema)
    const column = text.slice(dot + 1)
    if (found?.table.columns.some((c) => c.name === column)) return { ...found, column }
  }
  return null
}

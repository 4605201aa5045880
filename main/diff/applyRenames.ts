import type { DialectName } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import type { Rename } from '../../shared/schema/SchemaChange'
import type { DatabaseSchema, Namespace, Table } from '../../shared/schema/model'

/**
 * The `from` model as it reads once the confirmed renames have run: tables
 * and columns carry their new names everywhere they are named (keys, indexes,
 * foreign keys of other tables), so what is left to diff is what really
 * changed. Expressions are text and stay as written.
 */
export function applyRenames(schema: DatabaseSchema, renames: Rename[]): DatabaseSchema {
  for (const rename of renames) check(schema, rename, renames)
  return {
    ...schema,
    namespaces: schema.namespaces.map((ns) => renamedNamespace(ns, renames, schema.dialect)),
  }
}

function check(schema: DatabaseSchema, rename: Rename, all: Rename[]): void {
  const ns = schema.namespaces.find((n) => n.name === rename.namespace)
  const tableName = rename.kind === 'table' ? rename.from : rename.table
  // A column's table may be named by its old name or, when it is renamed too, its new one.
  const sourceName =
    all.find((r) => r.kind === 'table' && r.namespace === rename.namespace && r.to === tableName)
      ?.from ?? tableName
  const table =
    ns?.tables.find((t) => t.name === tableName) ?? ns?.tables.find((t) => t.name === sourceName)
  if (!table)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `Cannot rename ${rename.kind === 'table' ? 'table' : 'a column of'} "${tableName}": there is no such table in the source schema`,
    })
  if (rename.kind === 'column' && !table.columns.some((c) => c.name === rename.from))
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `Cannot rename column "${tableName}.${rename.from}": the table has no such column`,
    })
}

function renamedNamespace(ns: Namespace, renames: Rename[], dialect: DialectName): Namespace {
  const key = (...parts: string[]) => JSON.stringify(parts)
  const tables = new Map(
    renames.flatMap((r) => (r.kind === 'table' ? [[key(r.namespace, r.from), r.to]] : [])),
  )
  const tableName = (namespace: string, table: string) => tables.get(key(namespace, table)) ?? table
  // Column renames name their table by its old name or its new one; both lead to the column.
  const columns = new Map(
    renames.flatMap((r) =>
      r.kind === 'column'
        ? [[key(r.namespace, tableName(r.namespace, r.table), r.from), r.to]]
        : [],
    ),
  )
  const columnName = (namespace: string, table: string, column: string) =>
    columns.get(key(namespace, table, column)) ?? column
  const withColumnRenames = new Set(
    renames.flatMap((r) =>
      r.kind === 'column' ? [key(r.namespace, tableName(r.namespace, r.table))] : [],
    ),
  )
  // Only tables a rename touches, by their own name or through a foreign key, need copying.
  const touched = (table: Table) =>
    tables.has(key(ns.name, table.name)) ||
    withColumnRenames.has(key(ns.name, tableName(ns.name, table.name))) ||
    table.foreignKeys.some((fk) => {
      const referenced = key(fk.referencedNamespace, fk.referencedTable)
      return tables.has(referenced) || withColumnRenames.has(referenced)
    })
  const renamedTable = (table: Table): Table => {
    const name = tableName(ns.name, table.name)
    const col = (c: string) => columnName(ns.name, name, c)
    return {
      ...table,
      name,
      columns: table.columns.map((c) => ({ ...c, name: col(c.name) })),
      primaryKey: table.primaryKey && {
        ...table.primaryKey,
        columns: table.primaryKey.columns.map(col),
      },
      uniques: table.uniques.map((u) => ({ ...u, columns: u.columns.map(col) })),
      indexes: table.indexes.map((index) => ({
        ...index,
        parts: index.parts.map((p) =>
          p.isColumn ? { ...p, expression: indexColumn(p.expression, col, dialect) } : p,
        ),
      })),
      foreignKeys: table.foreignKeys.map((fk) => {
        const referenced = tableName(fk.referencedNamespace, fk.referencedTable)
        return {
          ...fk,
          columns: fk.columns.map(col),
          referencedTable: referenced,
          referencedColumns: fk.referencedColumns.map((c) =>
            columnName(fk.referencedNamespace, referenced, c),
          ),
        }
      }),
    }
  }
  if (renames.length === 0) return ns
  return { ...ns, tables: ns.tables.map((t) => (touched(t) ? renamedTable(t) : t)) }
}

/** PostgreSQL prints an index's column parts as quote_ident does: bare when lower-case and plain. */
function indexColumn(expression: string, rename: (c: string) => string, dialect: DialectName) {
  if (dialect !== 'postgres') return rename(expression)
  const quoted = expression.startsWith('"')
  const raw = quoted ? expression.slice(1, -1).replaceAll('""', '"') : expression
  const renamed = rename(raw)
  if (renamed === raw) return expression
  return /^[a-z_][a-z0-9_$]*$/.test(renamed) ? renamed : `"${renamed.replaceAll('"', '""')}"`
}

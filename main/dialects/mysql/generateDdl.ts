import type { Column, DatabaseSchema, ForeignKey, Index, Table } from '../../../shared/schema/model'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import { viewsInDependencyOrder } from '../../schema/viewsInDependencyOrder'

export const id = (name: string) => quoteIdentifier('mysql', name)

/**
 * CREATE statements that rebuild `schema` in an empty database. Names in the
 * introspected database are written unqualified, so the DDL fits whichever
 * database it runs in. Foreign keys come last, after every table and index.
 */
export function generateDdl(schema: DatabaseSchema): string[] {
  const out: string[] = []
  for (const ns of schema.namespaces) {
    for (const table of ns.tables) out.push(createTable(table))
    for (const table of ns.tables)
      for (const fk of table.foreignKeys) out.push(addForeignKey(ns.name, table.name, fk))
    for (const { view } of viewsInDependencyOrder([ns]))
      out.push(`CREATE VIEW ${id(view.name)} AS ${view.definition}`)
    for (const table of ns.tables)
      for (const trigger of table.triggers) out.push(trigger.definition)
  }
  return out
}

/** Names in the table's own database are written unqualified, so the DDL fits whichever database it runs in. */
export function addForeignKey(namespace: string, table: string, fk: ForeignKey): string {
  const referenced =
    fk.referencedNamespace === namespace
      ? id(fk.referencedTable)
      : `${id(fk.referencedNamespace)}.${id(fk.referencedTable)}`
  return `ALTER TABLE ${id(table)} ADD CONSTRAINT ${id(fk.name)} FOREIGN KEY (${fk.columns.map(id).join(', ')}) REFERENCES ${referenced} (${fk.referencedColumns.map(id).join(', ')}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`
}

export function createTable(table: Table): string {
  const columnNames = new Set(table.columns.map((c) => c.name))
  // MariaDB names a check written on a column after that column; writing it back there keeps it so.
  const columnChecks = new Map(
    table.checks.filter((c) => columnNames.has(c.name)).map((c) => [c.name, c.expression]),
  )
  const lines = table.columns.map((c) => columnDefinition(c, columnChecks.get(c.name)))
  if (table.primaryKey) lines.push(`PRIMARY KEY (${table.primaryKey.columns.map(id).join(', ')})`)
  for (const u of table.uniques)
    lines.push(`CONSTRAINT ${id(u.name)} UNIQUE (${u.columns.map(id).join(', ')})`)
  for (const index of table.indexes) lines.push(indexDefinition(index))
  for (const c of table.checks)
    if (!columnChecks.has(c.name)) lines.push(`CONSTRAINT ${id(c.name)} CHECK (${c.expression})`)
  const comment = table.comment === null ? '' : ` COMMENT=${quoteLiteral('mysql', table.comment)}`
  return `CREATE TABLE ${id(table.name)} (\n  ${lines.join(',\n  ')}\n)${comment}`
}

export function columnDefinition(column: Column, check?: string): string {
  let text = `${id(column.name)} ${column.type}`
  if (column.collation) text += ` COLLATE ${column.collation}`
  if (column.generated)
    text += ` GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`
  else {
    text += column.nullable ? ' NULL' : ' NOT NULL'
    if (column.default !== null) text += ` DEFAULT ${column.default}`
    if (column.onUpdate) text += ` ON UPDATE ${column.onUpdate}`
    if (column.identity === 'autoincrement') text += ' AUTO_INCREMENT'
  }
  if (check) text += ` CHECK (${check})`
  if (column.comment !== null) text += ` COMMENT ${quoteLiteral('mysql', column.comment)}`
  return text
}

export function indexDefinition(index: Index): string {
  const kind =
    index.method === 'FULLTEXT'
      ? 'FULLTEXT KEY'
      : index.method === 'SPATIAL'
        ? 'SPATIAL KEY'
        : index.unique
          ? 'UNIQUE KEY'
          : 'KEY'
  const parts = index.parts.map((p) => {
    const prefix = /^(.*)\((\d+)\)$/.exec(p.expression)
    const column = p.isColumn || !prefix ? id(p.expression) : `${id(prefix[1]!)}(${prefix[2]})`
    return column + (p.descending ? ' DESC' : '')
  })
  return `${kind} ${id(index.name)} (${parts.join(', ')})`
}

import type {
  Column,
  DatabaseSchema,
  EnumType,
  ForeignKey,
  Index,
  Sequence,
  Table,
  View,
} from '../../../shared/schema/model'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import { viewsInDependencyOrder } from '../../schema/viewsInDependencyOrder'

export const id = (name: string) => quoteIdentifier('postgres', name)
export const qualified = (ns: string, name: string) => `${id(ns)}.${id(name)}`

/**
 * CREATE statements that rebuild `schema` in an empty database, in an order
 * that satisfies dependencies: types and sequences, then functions, tables,
 * keys, indexes, views and triggers. Each entry is one statement without its
 * terminating semicolon.
 */
export function generateDdl(schema: DatabaseSchema): string[] {
  const out: string[] = []
  const all = schema.namespaces
  for (const ns of all) if (ns.name !== 'public') out.push(`CREATE SCHEMA ${id(ns.name)}`)
  for (const ns of all) for (const e of ns.enums) out.push(createEnum(ns.name, e))
  for (const ns of all) for (const s of ns.sequences) out.push(createSequence(ns.name, s))
  for (const ns of all) for (const r of ns.routines) out.push(r.definition)
  for (const ns of all) for (const table of ns.tables) out.push(...createTable(ns.name, table))
  for (const ns of all) {
    for (const table of ns.tables) {
      for (const fk of table.foreignKeys) out.push(addForeignKey(ns.name, table.name, fk))
      for (const index of table.indexes) out.push(createIndex(ns.name, table.name, index))
    }
  }
  for (const ns of all)
    for (const s of ns.sequences) if (s.ownedBy) out.push(ownSequence(ns.name, s, s.ownedBy))
  for (const { ns, view } of viewsInDependencyOrder(all)) out.push(...createView(ns.name, view))
  for (const ns of all)
    for (const table of ns.tables)
      for (const trigger of table.triggers) out.push(trigger.definition)
  return out
}

export function createTable(namespace: string, table: Table): string[] {
  const name = qualified(namespace, table.name)
  const lines = table.columns.map(columnDefinition)
  if (table.primaryKey)
    lines.push(
      `CONSTRAINT ${id(table.primaryKey.name)} PRIMARY KEY (${table.primaryKey.columns.map(id).join(', ')})`,
    )
  for (const u of table.uniques)
    lines.push(`CONSTRAINT ${id(u.name)} UNIQUE (${u.columns.map(id).join(', ')})`)
  for (const c of table.checks) lines.push(`CONSTRAINT ${id(c.name)} CHECK ${c.expression}`)
  const statements = [`CREATE TABLE ${name} (\n  ${lines.join(',\n  ')}\n)`]
  if (table.comment !== null) statements.push(tableComment(namespace, table.name, table.comment))
  for (const column of table.columns)
    if (column.comment !== null)
      statements.push(columnComment(namespace, table.name, column.name, column.comment))
  return statements
}

export const tableComment = (namespace: string, table: string, comment: string | null) =>
  `COMMENT ON TABLE ${qualified(namespace, table)} IS ${comment === null ? 'NULL' : quoteLiteral('postgres', comment)}`

export const columnComment = (
  namespace: string,
  table: string,
  column: string,
  comment: string | null,
) =>
  `COMMENT ON COLUMN ${qualified(namespace, table)}.${id(column)} IS ${comment === null ? 'NULL' : quoteLiteral('postgres', comment)}`

export const createEnum = (namespace: string, e: EnumType) =>
  `CREATE TYPE ${qualified(namespace, e.name)} AS ENUM (${e.values.map((v) => quoteLiteral('postgres', v)).join(', ')})`

export const createSequence = (namespace: string, s: Sequence) =>
  `CREATE SEQUENCE ${qualified(namespace, s.name)} AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`

/** `ownedBy` is `table.column`; the table's name may itself hold dots. */
export function ownSequence(namespace: string, s: Sequence, ownedBy: string): string {
  const dot = ownedBy.lastIndexOf('.')
  return `ALTER SEQUENCE ${qualified(namespace, s.name)} OWNED BY ${qualified(namespace, ownedBy.slice(0, dot))}.${id(ownedBy.slice(dot + 1))}`
}

export function addForeignKey(namespace: string, table: string, fk: ForeignKey): string {
  const deferrable =
    fk.deferrable === 'not deferrable' ? '' : ` DEFERRABLE ${fk.deferrable.toUpperCase()}`
  return `ALTER TABLE ${qualified(namespace, table)} ADD CONSTRAINT ${id(fk.name)} FOREIGN KEY (${fk.columns.map(id).join(', ')}) REFERENCES ${qualified(fk.referencedNamespace, fk.referencedTable)} (${fk.referencedColumns.map(id).join(', ')}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}${deferrable}`
}

export function createIndex(namespace: string, table: string, index: Index): string {
  const parts = index.parts.map(
    (p) =>
      (p.isColumn ? p.expression : `(${p.expression})`) +
      (p.operatorClass ? ` ${p.operatorClass}` : '') +
      (p.descending ? ' DESC' : ''),
  )
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${id(index.name)} ON ${qualified(namespace, table)} USING ${index.method ?? 'btree'} (${parts.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`
}

export function createView(namespace: string, view: View): string[] {
  const kind = view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'
  const name = qualified(namespace, view.name)
  const statements = [`CREATE ${kind} ${name} AS ${view.definition}`]
  if (view.comment !== null)
    statements.push(`COMMENT ON ${kind} ${name} IS ${quoteLiteral('postgres', view.comment)}`)
  return statements
}

export function columnDefinition(column: Column): string {
  let text = `${id(column.name)} ${column.type}`
  if (column.collation) text += ` COLLATE ${id(column.collation)}`
  if (column.generated) text += ` GENERATED ALWAYS AS (${column.generated.expression}) STORED`
  if (column.identity === 'always' || column.identity === 'by default')
    text += ` GENERATED ${column.identity.toUpperCase()} AS IDENTITY`
  if (column.default !== null) text += ` DEFAULT ${column.default}`
  if (!column.nullable) text += ' NOT NULL'
  return text
}

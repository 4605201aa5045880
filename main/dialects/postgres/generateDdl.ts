import type { Column, DatabaseSchema, Namespace, Table } from '../../../shared/schema/model'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import { viewsInDependencyOrder } from '../../schema/viewsInDependencyOrder'

const id = (name: string) => quoteIdentifier('postgres', name)
const qualified = (ns: string, name: string) => `${id(ns)}.${id(name)}`

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
  for (const ns of all)
    for (const e of ns.enums)
      out.push(
        `CREATE TYPE ${qualified(ns.name, e.name)} AS ENUM (${e.values.map((v) => quoteLiteral('postgres', v)).join(', ')})`,
      )
  for (const ns of all) {
    for (const s of ns.sequences) {
      out.push(
        `CREATE SEQUENCE ${qualified(ns.name, s.name)} AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START WITH ${s.start} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`,
      )
    }
  }
  for (const ns of all) for (const r of ns.routines) out.push(r.definition)
  for (const ns of all) for (const table of ns.tables) out.push(...createTable(ns, table))
  for (const ns of all) {
    for (const table of ns.tables) {
      for (const fk of table.foreignKeys) {
        const deferrable =
          fk.deferrable === 'not deferrable' ? '' : ` DEFERRABLE ${fk.deferrable.toUpperCase()}`
        out.push(
          `ALTER TABLE ${qualified(ns.name, table.name)} ADD CONSTRAINT ${id(fk.name)} FOREIGN KEY (${fk.columns.map(id).join(', ')}) REFERENCES ${qualified(fk.referencedNamespace, fk.referencedTable)} (${fk.referencedColumns.map(id).join(', ')}) ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}${deferrable}`,
        )
      }
      for (const index of table.indexes) {
        const parts = index.parts.map(
          (p) =>
            (p.isColumn ? p.expression : `(${p.expression})`) +
            (p.operatorClass ? ` ${p.operatorClass}` : '') +
            (p.descending ? ' DESC' : ''),
        )
        out.push(
          `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${id(index.name)} ON ${qualified(ns.name, table.name)} USING ${index.method ?? 'btree'} (${parts.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`,
        )
      }
    }
  }
  for (const ns of all) {
    for (const s of ns.sequences) {
      if (!s.ownedBy) continue
      const dot = s.ownedBy.lastIndexOf('.')
      out.push(
        `ALTER SEQUENCE ${qualified(ns.name, s.name)} OWNED BY ${qualified(ns.name, s.ownedBy.slice(0, dot))}.${id(s.ownedBy.slice(dot + 1))}`,
      )
    }
  }
  for (const { ns, view } of viewsInDependencyOrder(all)) {
    out.push(
      `CREATE ${view.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualified(ns.name, view.name)} AS ${view.definition}`,
    )
    if (view.comment !== null)
      out.push(
        `COMMENT ON ${view.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualified(ns.name, view.name)} IS ${quoteLiteral('postgres', view.comment)}`,
      )
  }
  for (const ns of all)
    for (const table of ns.tables)
      for (const trigger of table.triggers) out.push(trigger.definition)
  return out
}

function createTable(ns: Namespace, table: Table): string[] {
  const name = qualified(ns.name, table.name)
  const lines = table.columns.map(columnDefinition)
  if (table.primaryKey)
    lines.push(
      `CONSTRAINT ${id(table.primaryKey.name)} PRIMARY KEY (${table.primaryKey.columns.map(id).join(', ')})`,
    )
  for (const u of table.uniques)
    lines.push(`CONSTRAINT ${id(u.name)} UNIQUE (${u.columns.map(id).join(', ')})`)
  for (const c of table.checks) lines.push(`CONSTRAINT ${id(c.name)} CHECK ${c.expression}`)
  const statements = [`CREATE TABLE ${name} (\n  ${lines.join(',\n  ')}\n)`]
  if (table.comment !== null)
    statements.push(`COMMENT ON TABLE ${name} IS ${quoteLiteral('postgres', table.comment)}`)
  for (const column of table.columns) {
    if (column.comment !== null)
      statements.push(
        `COMMENT ON COLUMN ${name}.${id(column.name)} IS ${quoteLiteral('postgres', column.comment)}`,
      )
  }
  return statements
}

function columnDefinition(column: Column): string {
  let text = `${id(column.name)} ${column.type}`
  if (column.collation) text += ` COLLATE ${id(column.collation)}`
  if (column.generated) text += ` GENERATED ALWAYS AS (${column.generated.expression}) STORED`
  if (column.identity === 'always' || column.identity === 'by default')
    text += ` GENERATED ${column.identity.toUpperCase()} AS IDENTITY`
  if (column.default !== null) text += ` DEFAULT ${column.default}`
  if (!column.nullable) text += ' NOT NULL'
  return text
}

import type {
  Column,
  DatabaseSchema,
  ForeignKey,
  Index,
  Table,
  View,
} from '../../../shared/schema/model'
import { quoteIdentifier } from '../../../shared/sql/quote'
import { viewsInDependencyOrder } from '../../schema/viewsInDependencyOrder'

export const id = (name: string) => quoteIdentifier('sqlite', name)
const named = (name: string) => (name ? `CONSTRAINT ${id(name)} ` : '')

/**
 * CREATE statements that rebuild `schema` in an empty database. SQLite has
 * no ALTER … ADD CONSTRAINT, so keys, checks and foreign keys go inside each
 * CREATE TABLE; it resolves foreign keys when rows are written, so tables may
 * reference ones created after them.
 */
export function generateDdl(schema: DatabaseSchema): string[] {
  const out: string[] = []
  for (const ns of schema.namespaces) {
    for (const table of ns.tables) out.push(createTable(table))
    for (const table of ns.tables)
      for (const index of table.indexes) out.push(createIndex(table.name, index))
    for (const { view } of viewsInDependencyOrder([ns])) out.push(createView(view))
    for (const table of ns.tables)
      for (const trigger of table.triggers) out.push(trigger.definition)
  }
  return out
}

export const createView = (view: View) =>
  `CREATE VIEW ${id(view.name)} (${view.columns.map(id).join(', ')}) AS ${view.definition}`

export function createTable(table: Table): string {
  const key = table.primaryKey
  // AUTOINCREMENT exists only as a column's own PRIMARY KEY clause.
  const inlineKey =
    key?.columns.length === 1 &&
    table.columns.some((c) => c.name === key.columns[0] && c.identity === 'autoincrement')
  const lines = table.columns.map((c) =>
    columnDefinition(
      c,
      inlineKey && c.name === key.columns[0] ? `${named(key.name)}PRIMARY KEY AUTOINCREMENT` : '',
    ),
  )
  if (key && !inlineKey)
    lines.push(`${named(key.name)}PRIMARY KEY (${key.columns.map(id).join(', ')})`)
  for (const u of table.uniques)
    lines.push(`${named(u.name)}UNIQUE (${u.columns.map(id).join(', ')})`)
  for (const c of table.checks) lines.push(`${named(c.name)}CHECK (${c.expression})`)
  for (const fk of table.foreignKeys) lines.push(foreignKey(fk))
  const options = table.options.length > 0 ? ` ${table.options.join(', ')}` : ''
  return `CREATE TABLE ${id(table.name)} (\n  ${lines.join(',\n  ')}\n)${options}`
}

export function columnDefinition(column: Column, key = ''): string {
  let text = id(column.name)
  if (column.type) text += ` ${column.type}`
  if (key) text += ` ${key}`
  if (!column.nullable) text += ' NOT NULL'
  if (column.default !== null) text += ` DEFAULT ${defaultValue(column.default)}`
  if (column.collation) text += ` COLLATE ${id(column.collation)}`
  if (column.generated)
    text += ` GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`
  return text
}

/** SQLite drops the parentheses of `DEFAULT (expr)` when it reports the default, so they go back on unless it is a literal. */
function defaultValue(text: string): string {
  return isLiteralDefault(text) ? text : `(${text})`
}

/** A default SQLite stores as a constant: a number, string, blob, NULL, boolean or CURRENT_* keyword. */
export function isLiteralDefault(text: string): boolean {
  return /^([+-]?\d+(\.\d*)?([eE][+-]?\d+)?|'(?:[^']|'')*'|[xX]'[0-9a-fA-F]*'|NULL|TRUE|FALSE|CURRENT_(TIME|DATE|TIMESTAMP))$/i.test(
    text,
  )
}

function foreignKey(fk: ForeignKey): string {
  const deferrable =
    fk.deferrable === 'not deferrable' ? '' : ` DEFERRABLE ${fk.deferrable.toUpperCase()}`
  return `${named(fk.name)}FOREIGN KEY (${fk.columns.map(id).join(', ')}) REFERENCES ${id(fk.referencedTable)} (${fk.referencedColumns.map(id).join(', ')})${action('DELETE', fk.onDelete)}${action('UPDATE', fk.onUpdate)}${deferrable}`
}

const action = (event: string, what: ForeignKey['onDelete']) =>
  what === 'no action' ? '' : ` ON ${event} ${what.toUpperCase()}`

export function createIndex(table: string, index: Index): string {
  const parts = index.parts.map(
    (p) => (p.isColumn ? id(p.expression) : p.expression) + (p.descending ? ' DESC' : ''),
  )
  const where = index.where ? ` WHERE ${index.where}` : ''
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${id(index.name)} ON ${id(table)} (${parts.join(', ')})${where}`
}

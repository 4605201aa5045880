import type { FieldPacket } from 'mysql2'
import type { ColumnInfo } from '../../../shared/contract'
import { quoteLiteral } from '../../../shared/sql/quote'
import { isEnumOrSet } from './columnType'

/** Reads rows of a catalog query; the connection's statement must have finished. */
export type RunQuery = (sql: string) => Promise<unknown[][]>

interface Origin {
  index: number
  db: string
  table: string
  column: string
}

/** Table and column names compare alike on every server: column names ignore case, and so may table names. */
const key = (db: string, table: string, column: string) =>
  JSON.stringify([db, table.toLowerCase(), column.toLowerCase()])

/**
 * ENUM and SET columns come without their values, which only the catalog
 * knows: for those that name a table (a view counts; an expression does
 * not), their COLUMN_TYPE, `enum('a','b')`. Called once the statement has
 * finished, as one query of one branch per table, each naming its schema and
 * table so the server opens only that table's definition. Returns the
 * columns with those types put in, or null when there is nothing to add;
 * a column the catalog does not list (a derived table) keeps its plain name.
 */
export async function withEnumValues(
  fields: FieldPacket[],
  columns: ColumnInfo[],
  run: RunQuery,
): Promise<ColumnInfo[] | null> {
  const origins: Origin[] = fields.flatMap((field, index) =>
    isEnumOrSet(field) && field.db && field.orgTable && field.orgName
      ? [{ index, db: field.db, table: field.orgTable, column: field.orgName }]
      : [],
  )
  if (origins.length === 0) return null
  const tables = new Map<string, Origin[]>()
  for (const origin of origins) {
    const table = JSON.stringify([origin.db, origin.table])
    tables.set(table, [...(tables.get(table) ?? []), origin])
  }
  const q = (text: string) => quoteLiteral('mysql', text)
  const sql = [...tables.values()]
    .map(
      (same) =>
        `SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${q(same[0]!.db)} AND TABLE_NAME = ${q(same[0]!.table)} AND COLUMN_NAME IN (${same.map((o) => q(o.column)).join(', ')})`,
    )
    .join(' UNION ALL ')
  const found = new Map(
    (await run(sql)).map(([db, table, column, type]) => [
      key(String(db), String(table), String(column)),
      String(type),
    ]),
  )
  const refined = columns.map((column) => ({ ...column }))
  let changed = false
  for (const origin of origins) {
    const type = found.get(key(origin.db, origin.table, origin.column))
    if (type === undefined) continue
    refined[origin.index]!.type = type
    changed = true
  }
  return changed ? refined : null
}

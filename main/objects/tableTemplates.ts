import { SluiceError } from '../../shared/errors'
import type { Column, Table } from '../../shared/schema/model'
import type { Dialect } from '../dialects/types'
import { insertValue, placeholderValue } from './placeholderValue'

/**
 * Statements over one table's columns for the user to edit, each valid as
 * written: placeholders are literals of the column's type. `name` is the
 * table as SQL names it, already quoted and qualified.
 */

/** Every column by name, the first 100 rows: LIMIT is understood by every dialect Sluice speaks. */
export function selectTemplate(dialect: Dialect, name: string, columns: string[]): string {
  const list = columns.length > 0 ? columns.map(dialect.quoteIdentifier).join(', ') : '*'
  return `SELECT ${list}\nFROM ${name}\nLIMIT 100`
}

/** Generated and identity ALWAYS columns are left out: the database refuses a value for them. */
export function insertTemplate(dialect: Dialect, name: string, table: Table): string {
  const columns = table.columns.filter(writable)
  // PostgreSQL and SQLite only: a MySQL table always has a column it accepts a value for.
  if (columns.length === 0) return `INSERT INTO ${name} DEFAULT VALUES`
  return `INSERT INTO ${name} (${columns.map((c) => dialect.quoteIdentifier(c.name)).join(', ')})\nVALUES (${columns.map((c) => insertValue(dialect, c)).join(', ')})`
}

/** Sets every column outside the key to itself, for the one row the key names. */
export function updateTemplate(dialect: Dialect, name: string, table: Table): string {
  const key = keyColumns(table)
  const keyNames = new Set(key.map((c) => c.name))
  const settable = table.columns.filter(writable)
  const outsideKey = settable.filter((c) => !keyNames.has(c.name))
  const set = outsideKey.length > 0 ? outsideKey : settable
  if (set.length === 0)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `Table "${table.name}" has no column an UPDATE can set: each is generated or an identity`,
    })
  const assignments = set.map((c) => {
    const column = dialect.quoteIdentifier(c.name)
    return `${column} = ${column}`
  })
  return `UPDATE ${name}\nSET ${assignments.join(',\n    ')}\nWHERE ${keyCondition(dialect, key)}`
}

export function deleteTemplate(dialect: Dialect, name: string, table: Table): string {
  return `DELETE FROM ${name}\nWHERE ${keyCondition(dialect, keyColumns(table))}`
}

/** SQLite has no TRUNCATE; it runs a DELETE without WHERE as one. */
export function truncateStatement(dialect: Dialect, name: string): string {
  return dialect.capabilities.truncate ? `TRUNCATE TABLE ${name}` : `DELETE FROM ${name}`
}

const writable = (c: Column) => c.generated === null && c.identity !== 'always'

/** The primary key; else the first unique key; else every column, for a table that has neither. */
function keyColumns(table: Table): Column[] {
  const names = table.primaryKey?.columns ?? table.uniques[0]?.columns
  if (!names) return table.columns
  return names.map((n) => table.columns.find((c) => c.name === n)).filter((c) => c !== undefined)
}

function keyCondition(dialect: Dialect, key: Column[]): string {
  return key
    .map((c) => `${dialect.quoteIdentifier(c.name)} = ${placeholderValue(dialect, c)}`)
    .join(' AND ')
}

import type { Column } from '../../shared/schema/model'
import type { Dialect } from '../dialects/types'

/** Values every dialect reads as the column's type from a string literal. */
const typedLiterals: Partial<Record<Column['normalizedType'], string>> = {
  text: '',
  binary: '',
  date: '2000-01-01',
  time: '00:00:00',
  // Without an offset: MariaDB refuses one, and PostgreSQL reads it in the session's time zone.
  timestamp: '2000-01-01 00:00:00',
  timestamptz: '2000-01-01 00:00:00',
  interval: '0',
  uuid: '00000000-0000-0000-0000-000000000000',
  json: '{}',
  array: '{}',
}

const numeric = new Set<Column['normalizedType']>(['integer', 'bigint', 'decimal', 'float'])

/**
 * A literal of the column's type for a template the user edits: 0, FALSE,
 * '' or a date, so the statement runs as written. NULL where no literal fits
 * every type of the family (an enum without its values in the type's text).
 */
export function placeholderValue(dialect: Dialect, column: Column): string {
  if (numeric.has(column.normalizedType)) return '0'
  if (column.normalizedType === 'boolean') return 'FALSE'
  if (column.normalizedType === 'enum') {
    // MySQL spells an enum's values in its type: `enum('draft','published')`.
    const first = /^enum\('((?:[^']|'')*)'/i.exec(column.type)?.[1]
    return first === undefined ? 'NULL' : dialect.quoteLiteral(first.replaceAll("''", "'"))
  }
  const literal = typedLiterals[column.normalizedType]
  return literal === undefined ? 'NULL' : dialect.quoteLiteral(literal)
}

/**
 * What an INSERT template gives the column: its default expression, NULL
 * where it may be NULL or the database numbers it, else a placeholder.
 */
export function insertValue(dialect: Dialect, column: Column): string {
  if (column.identity === 'by default') return 'DEFAULT'
  if (column.identity === 'autoincrement') return 'NULL'
  if (column.default !== null) return column.default
  return column.nullable ? 'NULL' : placeholderValue(dialect, column)
}

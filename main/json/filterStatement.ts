import type { Lookup } from '../../shared/json/lookups'
import type { Dialect } from '../dialects/types'
import { compileFilter } from './compileFilter'

export interface FilterTarget {
  /** The table's name as the dialect writes it, schema-qualified where needed. */
  table: string
  column: string
  /** Columns the rows are ordered by (the primary key), so results are stable. */
  orderBy: string[]
}

/**
 * `SELECT * FROM table WHERE <lookups> ORDER BY key`: what the filter runs and
 * shows; no lookups select every row. `servedBy`, a condition an index can
 * serve, goes in front.
 */
export function filterStatement(
  dialect: Dialect,
  target: FilterTarget,
  lookups: Lookup[],
  servedBy = '',
): string {
  const conditions = [
    ...(servedBy ? [servedBy] : []),
    ...(lookups.length > 0
      ? [compileFilter(dialect.json, dialect.quoteIdentifier(target.column), lookups)]
      : []),
  ]
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''
  const order = target.orderBy.map((name) => dialect.quoteIdentifier(name)).join(', ')
  return `SELECT * FROM ${target.table}${where}${order ? ` ORDER BY ${order}` : ''}`
}

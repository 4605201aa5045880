import { SluiceError } from '../../shared/errors'
import type { ColumnFilter, FilterOp } from '../../shared/tableContract'
import type { Dialect } from '../dialects/types'
import { quotedText, typedLiteral, type TypedColumn } from './literal'

const comparisons = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const

/**
 * One column filter as an SQL condition. Values go through `typedLiteral`
 * (bare numerals for numeric columns, so they stay exact). `contains` and
 * `startsWith` match `%`, `_` and `!` literally (escaped with `!`); on PostgreSQL they are
 * ILIKE over the value cast to text, so numbers match too; MySQL/MariaDB and
 * SQLite use LIKE, case-insensitive under MySQL's default collations and, on
 * SQLite, for ASCII letters only. Throws BAD_REQUEST when the op needs a
 * value (or, for `in`, a non-empty list) and has none.
 */
export function filterCondition(
  dialect: Dialect,
  column: TypedColumn,
  filter: ColumnFilter,
): string {
  const name = dialect.quoteIdentifier(column.name)
  switch (filter.op) {
    case 'isNull':
      return `${name} IS NULL`
    case 'notNull':
      return `${name} IS NOT NULL`
    case 'in': {
      if (!filter.values?.length) throw missing(column, filter.op, 'a list of values')
      const list = filter.values.map((value) => typedLiteral(dialect, column, value))
      return `${name} IN (${list.join(', ')})`
    }
    case 'contains':
    case 'startsWith': {
      if (filter.value === undefined) throw missing(column, filter.op, 'a value')
      // '!' escapes, not '\\': a backslash means one thing or two depending on MySQL's NO_BACKSLASH_ESCAPES.
      const escaped = filter.value.replace(/[!%_]/g, '!$&')
      const pattern = `${filter.op === 'contains' ? '%' : ''}${escaped}%`
      const like = dialect.capabilities.ilike ? `CAST(${name} AS text) ILIKE` : `${name} LIKE`
      return `${like} ${quotedText(dialect, column, pattern)} ESCAPE '!'`
    }
    default: {
      if (filter.value === undefined) throw missing(column, filter.op, 'a value')
      const literal = typedLiteral(dialect, column, filter.value)
      return `${name} ${comparisons[filter.op]} ${literal}`
    }
  }
}

function missing(column: TypedColumn, op: FilterOp, what: string): SluiceError {
  return new SluiceError({
    code: 'BAD_REQUEST',
    message: `The "${op}" filter on column ${column.name} needs ${what}`,
  })
}

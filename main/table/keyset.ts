import type { Cell } from '../../shared/cells'
import type { Column } from '../../shared/schema/model'
import type { Dialect } from '../dialects/types'
import { cellLiteral, type TypedColumn } from './literal'

export type Direction = 'asc' | 'desc'

/** One ORDER BY term: the user's sort columns first, then the key columns not sorted on. */
export interface OrderingColumn {
  column: TypedColumn
  direction: Direction
}

/** Families whose values compare with a literal exactly as ORDER BY ranks them (enums depend on the dialect). */
const exactFamilies = new Set<Column['normalizedType']>([
  'boolean',
  'integer',
  'bigint',
  'decimal',
  'text',
  'binary',
  'date',
  'time',
  'timestamp',
  'timestamptz',
  'interval',
  'uuid',
])

/**
 * True when `column > literal` agrees with ORDER BY for every value, which
 * keyset paging relies on. Not floats (PostgreSQL widens a real to compare it
 * with a numeric literal, so 1.1 ≠ 1.1), JSON, arrays or unknown types, nor
 * MySQL enums (sorted by position, compared as text), nor text or bytes on
 * MySQL/MariaDB longer than the server's sort prefix (`sortPrefixBytes`).
 */
export function comparesExactly(dialect: Dialect, column: TypedColumn): boolean {
  if (column.normalizedType === 'enum') return dialect.capabilities.enumsCompareInOrder
  if (!exactFamilies.has(column.normalizedType)) return false
  const prefix = dialect.capabilities.sortPrefixBytes
  if (prefix === null || !['text', 'binary'].includes(column.normalizedType)) return true
  return maxBytes(column) <= prefix
}

/**
 * The most bytes a text or binary value of the column can hold, from its
 * declared type: `varchar(n)` as n characters of up to 4 bytes (utf8mb4),
 * `varbinary(n)` as n bytes, TINYTEXT/TINYBLOB as 255; Infinity for TEXT,
 * BLOB and the longer kinds, or a type not understood.
 */
function maxBytes(column: TypedColumn): number {
  const type = column.type.toLowerCase()
  const sized = /^(var)?(char|binary)\((\d+)\)/.exec(type)
  if (sized) return Number(sized[3]) * (sized[2] === 'char' ? 4 : 1)
  if (/^tiny(text|blob)\b/.test(type)) return 255
  return Infinity
}

/**
 * The condition for rows strictly after (or, `before`, strictly before) the
 * row whose ordering values are `anchor`, in the order `ordering` gives:
 * OR over i of (the first i-1 columns equal their anchor values AND column i
 * beyond its value). `before` is `after` with every direction reversed. Where
 * NULLs go comes from `capabilities.nullsSortHigh`. `anchor` has one cell per
 * ordering column (the caller checks).
 */
export function keysetCondition(
  dialect: Dialect,
  ordering: OrderingColumn[],
  anchor: Cell[],
  toward: 'after' | 'before',
): string {
  const q = (column: TypedColumn) => dialect.quoteIdentifier(column.name)
  const equal = (column: TypedColumn, value: Cell) =>
    value === null
      ? `${q(column)} IS NULL`
      : `${q(column)} = ${cellLiteral(dialect, column, value)}`
  const terms: string[] = []
  ordering.forEach(({ column, direction }, i) => {
    const descending = (direction === 'desc') !== (toward === 'before')
    const beyond = beyondValue(dialect, column, anchor[i]!, descending)
    if (beyond === null) return
    const prefix = ordering.slice(0, i).map((o, j) => equal(o.column, anchor[j]!))
    terms.push([...prefix, beyond].join(' AND '))
  })
  // Past the last possible row (every column at NULL where NULLs come last): nothing qualifies.
  if (terms.length === 0) return '1 = 0'
  return terms.map((term) => `(${term})`).join('\n    OR ')
}

/** Values of one column that sort strictly beyond `value`; null when none can. */
function beyondValue(
  dialect: Dialect,
  column: TypedColumn,
  value: Cell,
  descending: boolean,
): string | null {
  const name = dialect.quoteIdentifier(column.name)
  const nullsLast = dialect.capabilities.nullsSortHigh !== descending
  if (value === null) return nullsLast ? null : `${name} IS NOT NULL`
  const beyond = `${name} ${descending ? '<' : '>'} ${cellLiteral(dialect, column, value)}`
  return nullsLast && column.nullable ? `(${beyond} OR ${name} IS NULL)` : beyond
}

import type { Cell } from '../../shared/cells'
import { SluiceError } from '../../shared/errors'
import type { ObjectRef } from '../../shared/objectRef'
import { exactName } from '../../shared/sql/quote'
import { rawCondition } from './rawCondition'
import type { TableQuery, TableQueryInput } from '../../shared/tableContract'
import type { Dialect } from '../dialects/types'
import { filterCondition } from './columnFilter'
import { comparesExactly, keysetCondition, type OrderingColumn } from './keyset'
import type { TypedColumn } from './literal'

/** What paging needs to know of a table or view. */
export interface BrowsedTable {
  ref: ObjectRef
  /** In the table's own order. */
  columns: TypedColumn[]
  /** Empty for a view, or a table without a primary key. */
  primaryKey: string[]
}

export type PageRequest = Pick<TableQueryInput, 'sort' | 'filters' | 'where' | 'page' | 'limit'>

/**
 * The SQL for one page of `table` and for the count of rows it pages over
 * (see `tableQuerySchema` for the shapes). The order is the user's sort (a
 * column sorted twice counts once) then the primary key ascending, so it is
 * total; a page after or before an anchor row is found by a keyset
 * condition, and `last`/`before` read in reverse and restore display order
 * outside. Without a key, or when an ordering column does not compare
 * exactly with a literal (`comparesExactly`), pages are read by OFFSET and
 * `after`, `before` and `last` are refused; without a key, rows tied on the
 * sort come in whatever order the server picks, which may differ between
 * two OFFSET pages. Throws BAD_REQUEST for an unknown column, a filter
 * without its value, an anchor of the wrong length or a keyset page under
 * OFFSET paging.
 */
export function compileTableQuery(
  dialect: Dialect,
  table: BrowsedTable,
  request: PageRequest,
): TableQuery {
  const q = (name: string) => dialect.quoteIdentifier(name)
  const columnNamed = (name: string) => {
    const found = table.columns.find((column) => column.name === name)
    if (found === undefined)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `No column "${name}" in "${table.ref.name}"; reload the table to see its columns`,
      })
    return found
  }
  const sorted = new Map<string, OrderingColumn>()
  for (const { column, direction } of request.sort)
    if (!sorted.has(column)) sorted.set(column, { column: columnNamed(column), direction })
  const ordering: OrderingColumn[] = [
    ...sorted.values(),
    ...table.primaryKey
      .filter((name) => !sorted.has(name))
      .map((name) => ({ column: columnNamed(name), direction: 'asc' as const })),
  ]
  const conditions = request.filters.map((filter) =>
    filterCondition(dialect, columnNamed(filter.column), filter),
  )
  const where = rawCondition(request.where, dialect.name)
  // On lines of its own, so a trailing -- comment in it cannot swallow what follows.
  if (where !== '') conditions.push(`(\n${where}\n)`)

  const from = exactName(dialect.name, table.ref.schema, table.ref.name)
  const list = table.columns.map((column) => q(column.name)).join(', ')
  const orderBy = (terms: OrderingColumn[]) =>
    terms.length === 0
      ? ''
      : '\nORDER BY ' +
        terms.map((t) => q(t.column.name) + (t.direction === 'desc' ? ' DESC' : '')).join(', ')
  const select = (extra: string[], order: OrderingColumn[], tail: string) =>
    `SELECT ${list}\nFROM ${from}${whereClause([...conditions, ...extra])}${orderBy(order)}\n${tail}`
  const reversed = ordering.map((t) => ({
    column: t.column,
    direction: t.direction === 'asc' ? ('desc' as const) : ('asc' as const),
  }))
  // Reading backwards takes the `limit` rows nearest the end, then puts them back in display order.
  const backwards = (extra: string[]) =>
    `SELECT ${list}\nFROM (\n${select(extra, reversed, `LIMIT ${request.limit}`)}\n) AS ${q('page')}${orderBy(ordering)}`
  const reason = offsetReason(dialect, table, ordering)
  const keyset = (anchor: Cell[], toward: 'after' | 'before') => {
    if (reason !== null) throw offsetOnly(table, reason, toward)
    if (anchor.length !== ordering.length)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `The anchor has ${anchor.length} values; the page is ordered by ${ordering.length} columns (${ordering.map((t) => t.column.name).join(', ')})`,
      })
    return [`(${keysetCondition(dialect, ordering, anchor, toward)})`]
  }

  const page = request.page
  const next = `LIMIT ${request.limit + 1}`
  let sql: string
  if (page.kind === 'first') sql = select([], ordering, next)
  else if (page.kind === 'offset') sql = select([], ordering, `${next} OFFSET ${page.offset}`)
  else if (page.kind === 'after') sql = select(keyset(page.anchor, 'after'), ordering, next)
  else if (page.kind === 'before') sql = backwards(keyset(page.anchor, 'before'))
  else if (reason === null) sql = backwards([])
  else throw offsetOnly(table, reason, 'last')

  return {
    sql,
    countSql: `SELECT COUNT(*)\nFROM ${from}${whereClause(conditions)}`,
    paging: reason === null ? 'keyset' : 'offset',
    anchorColumns: reason === null ? ordering.map((t) => t.column.name) : [],
  }
}

function whereClause(conditions: string[]): string {
  return conditions.length === 0 ? '' : `\nWHERE ${conditions.join('\n  AND ')}`
}

/** Why the table cannot be paged by keyset, or null when it can. */
function offsetReason(
  dialect: Dialect,
  table: BrowsedTable,
  ordering: OrderingColumn[],
): string | null {
  if (table.primaryKey.length === 0) return 'it has no primary key'
  const inexact = ordering.find((t) => !comparesExactly(dialect, t.column))
  return inexact === undefined
    ? null
    : `column ${inexact.column.name} (${inexact.column.normalizedType}) does not compare exactly with a literal`
}

function offsetOnly(table: BrowsedTable, reason: string, kind: string): SluiceError {
  return new SluiceError({
    code: 'BAD_REQUEST',
    message: `"${table.ref.name}" is paged by offset, because ${reason}: ask for an offset page, not "${kind}"`,
  })
}

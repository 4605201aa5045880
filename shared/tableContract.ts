import { z } from 'zod'
import { cellSchema } from './cells'
import { objectRefSchema } from './objectRef'

/** The table tab's part of the contract: one page of a table's rows as SQL the caller runs with `query.run`. */

const id = z.string().min(1).max(200)
const columnName = z.string().min(1).max(1000)
const filterValue = z.string().max(1_000_000)

export const tableSortSchema = z
  .object({ column: columnName, direction: z.enum(['asc', 'desc']) })
  .strict()
export type TableSort = z.infer<typeof tableSortSchema>

export const filterOps = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'startsWith',
  'isNull',
  'notNull',
  'in',
] as const
export type FilterOp = (typeof filterOps)[number]

/** A condition on one column; values are what the user typed, as text. */
export const columnFilterSchema = z
  .object({
    column: columnName,
    op: z.enum(filterOps),
    /** For every op but `in`, `isNull` and `notNull`. */
    value: filterValue.optional(),
    /** For `in`: at least one. */
    values: z.array(filterValue).max(10_000).optional(),
  })
  .strict()
export type ColumnFilter = z.infer<typeof columnFilterSchema>

const anchor = z.array(cellSchema).min(1).max(64)

/**
 * Which page: `after`/`before` carry the values of `anchorColumns` from the
 * last (or first) row shown. Keyset paging only; under OFFSET paging the
 * caller counts and asks for `offset` instead of `last`.
 */
export const tablePageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first') }).strict(),
  z.object({ kind: z.literal('last') }).strict(),
  z.object({ kind: z.literal('after'), anchor }).strict(),
  z.object({ kind: z.literal('before'), anchor }).strict(),
  z.object({ kind: z.literal('offset'), offset: z.number().int().nonnegative() }).strict(),
])
export type TablePage = z.infer<typeof tablePageSchema>

export const tableQueryInputSchema = z
  .object({
    connectionId: id,
    object: objectRefSchema.strict(),
    /** First is the primary sort. */
    sort: z.array(tableSortSchema).max(16),
    filters: z.array(columnFilterSchema).max(64),
    /** The user's own SQL condition, AND-ed in parentheses; '' (or blanks) for none. */
    where: z.string().max(100_000),
    page: tablePageSchema,
    /** Rows per page. */
    limit: z.number().int().min(1).max(50_000),
  })
  .strict()
export type TableQueryInput = z.infer<typeof tableQueryInputSchema>

export const tableQuerySchema = z.object({
  /**
   * The page's rows, every column in the table's order, in display order.
   * `first`, `after` and `offset` ask for `limit + 1` rows: a row beyond
   * `limit` means there is a next page (show `limit`). `last` and `before`
   * ask for exactly `limit`.
   */
  sql: z.string(),
  /** One row, one cell: how many rows the filters and WHERE select. */
  countSql: z.string(),
  /**
   * 'keyset' when the table has a primary key and every ordering column
   * compares exactly with a literal; otherwise 'offset', and `after`,
   * `before` and `last` are refused (BAD_REQUEST).
   */
  paging: z.enum(['keyset', 'offset']),
  /** The sort columns then the key columns not sorted on: a row's values of these are its anchor. Empty under 'offset'. */
  anchorColumns: z.array(z.string()),
})
export type TableQuery = z.infer<typeof tableQuerySchema>

export const tableMethods = {
  /** The SQL for one page of a table's rows and for their count, sorted by the database. */
  'table.query': { input: tableQueryInputSchema, output: tableQuerySchema },
} as const

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cell } from '../../shared/cells'
import type { ColumnFilter, TablePage, TableSort } from '../../shared/tableContract'
import { dialects } from '../dialects/registry'
import { allDialects } from '../testing/testDatabases'
import { createItemsDatabase, itemColumns, oddColumn, type ItemsDatabase } from './itemsTable'
import { browsedTable } from './TableQueries'
import { compileTableQuery, type BrowsedTable, type PageRequest } from './tableQuery'

interface PagingCase {
  name: string
  sort: TableSort[]
  limit: number
  filters?: ColumnFilter[]
  where?: string
  /** The same rows as a hand-written condition, for the full query they are checked against. */
  expectedWhere?: string
}

const asc = (column: string): TableSort => ({ column, direction: 'asc' })
const desc = (column: string): TableSort => ({ column, direction: 'desc' })

const cases: PagingCase[] = [
  { name: 'no sort: the key', sort: [], limit: 7 },
  { name: 'one text column ascending', sort: [asc('label')], limit: 7 },
  { name: 'one column descending', sort: [desc('qty')], limit: 7 },
  { name: 'two columns, mixed, with NULLs', sort: [desc('label'), asc('qty')], limit: 5 },
  { name: 'a bigint column beyond 2^53', sort: [asc('big')], limit: 4 },
  { name: 'a decimal then a timestamp', sort: [desc('price'), asc('at')], limit: 6 },
  { name: 'columns with odd names', sort: [asc(oddColumn), desc('select')], limit: 7 },
  { name: 'a boolean, and a key column reversed', sort: [desc('flag'), desc('n')], limit: 9 },
  { name: 'one row a page', sort: [desc('at')], limit: 1 },
  { name: 'one page holds every row', sort: [asc('qty')], limit: 100 },
  {
    name: 'filters and a WHERE ending in a comment',
    sort: [asc('label'), desc('big')],
    limit: 3,
    filters: [{ column: 'qty', op: 'notNull' }],
    where: ' n > 3 -- only after the third ',
    expectedWhere: 'qty IS NOT NULL AND n > 3',
  },
]

describe.each(allDialects)('keyset paging on %s', (dialect) => {
  let db: ItemsDatabase
  let items: BrowsedTable
  const q = (name: string) => dialects[dialect].quoteIdentifier(name)
  const selectList = itemColumns.map(q).join(', ')

  beforeAll(async () => {
    db = await createItemsDatabase(dialect)
    items = await browsedTable(db.connection, { schema: db.database.schema, name: 'items' })
  })
  afterAll(() => db?.drop())

  const request = (c: PagingCase, page: TablePage): PageRequest => ({
    sort: c.sort,
    filters: c.filters ?? [],
    where: c.where ?? '',
    page,
    limit: c.limit,
  })
  const anchorOf = (row: Cell[], anchorColumns: string[]) =>
    anchorColumns.map((name) => row[itemColumns.indexOf(name)]!)

  /** Every row in display order, as the full query the pages must add up to reads them. */
  async function fullResult(c: PagingCase): Promise<Cell[][]> {
    const sorted = new Set(c.sort.map((s) => s.column))
    const order = [...c.sort, ...['grp', 'n'].filter((k) => !sorted.has(k)).map(asc)]
      .map((s) => q(s.column) + (s.direction === 'desc' ? ' DESC' : ''))
      .join(', ')
    const where = c.expectedWhere ? ` WHERE ${c.expectedWhere}` : ''
    return db.rows(`SELECT ${selectList} FROM items${where} ORDER BY ${order}`)
  }

  async function forwards(c: PagingCase): Promise<Cell[][]> {
    const rows: Cell[][] = []
    let page: TablePage = { kind: 'first' }
    for (let pages = 0; pages < 200; pages++) {
      const compiled = compileTableQuery(dialects[dialect], items, request(c, page))
      expect(compiled.paging).toBe('keyset')
      const got = await db.rows(compiled.sql)
      expect(got.length).toBeLessThanOrEqual(c.limit + 1)
      // The row beyond the page promised this one.
      if (page.kind === 'after') expect(got.length).toBeGreaterThan(0)
      rows.push(...got.slice(0, c.limit))
      if (got.length <= c.limit) return rows
      page = { kind: 'after', anchor: anchorOf(rows.at(-1)!, compiled.anchorColumns) }
    }
    throw new Error('Paging forwards never ended')
  }

  async function backwards(c: PagingCase): Promise<Cell[][]> {
    const rows: Cell[][] = []
    let page: TablePage = { kind: 'last' }
    for (let pages = 0; pages < 200; pages++) {
      const compiled = compileTableQuery(dialects[dialect], items, request(c, page))
      const got = await db.rows(compiled.sql)
      expect(got.length).toBeLessThanOrEqual(c.limit)
      rows.unshift(...got)
      if (got.length < c.limit) return rows
      page = { kind: 'before', anchor: anchorOf(rows[0]!, compiled.anchorColumns) }
    }
    throw new Error('Paging backwards never ended')
  }

  it.each(cases)('$name: pages forwards and backwards add up to the full result', async (c) => {
    const expected = await fullResult(c)
    expect(expected.length).toBeGreaterThan(c.filters ? 10 : 59)
    expect(await forwards(c)).toEqual(expected)
    expect(await backwards(c)).toEqual(expected)
    const { countSql, anchorColumns } = compileTableQuery(
      dialects[dialect],
      items,
      request(c, { kind: 'first' }),
    )
    expect(Number((await db.rows(countSql))[0]![0])).toBe(expected.length)
    const sorted = c.sort.map((s) => s.column)
    expect(anchorColumns).toEqual([...sorted, ...['grp', 'n'].filter((k) => !sorted.includes(k))])
  })

  it('says there is a next page exactly when a row lies beyond the limit', async () => {
    const c: PagingCase = { name: 'exact', sort: [asc('big')], limit: 30 }
    const first = compileTableQuery(dialects[dialect], items, request(c, { kind: 'first' }))
    const page = await db.rows(first.sql)
    expect(page).toHaveLength(31)
    const anchor = anchorOf(page[29]!, first.anchorColumns)
    const second = compileTableQuery(
      dialects[dialect],
      items,
      request(c, { kind: 'after', anchor }),
    )
    // 60 rows: the second page is full and there is nothing after it.
    expect(await db.rows(second.sql)).toHaveLength(30)
  })

  it('reads a page at an offset in the same order', async () => {
    const c: PagingCase = { name: 'offset', sort: [desc('label'), asc('qty')], limit: 8 }
    const expected = await fullResult(c)
    const { sql } = compileTableQuery(
      dialects[dialect],
      items,
      request(c, { kind: 'offset', offset: 16 }),
    )
    expect(await db.rows(sql)).toEqual(expected.slice(16, 25))
  })
})

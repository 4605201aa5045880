import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cell } from '../../shared/cells'
import type { TablePage, TableSort } from '../../shared/tableContract'
import { dialects } from '../dialects/registry'
import { allDialects } from '../testing/testDatabases'
import { createItemsDatabase, itemColumns, type ItemsDatabase } from './itemsTable'
import { browsedTable } from './TableQueries'
import { compileTableQuery } from './tableQuery'

interface OffsetCase {
  name: string
  table: 'items' | 'loose'
  sort: TableSort[]
  /** The full query's ORDER BY, or null when the pages are compared as a set. */
  order: string | null
  reason: RegExp
}

const cases: OffsetCase[] = [
  { name: 'no key, no sort', table: 'loose', sort: [], order: null, reason: /no primary key/ },
  {
    name: 'no key, sorted',
    table: 'loose',
    sort: [
      { column: 'grp', direction: 'desc' },
      { column: 'n', direction: 'asc' },
    ],
    order: 'grp DESC, n',
    reason: /no primary key/,
  },
  {
    name: 'a key, sorted on a float column',
    table: 'items',
    sort: [{ column: 'ratio', direction: 'asc' }],
    order: 'ratio, grp, n',
    reason: /column ratio \(float\) does not compare exactly/,
  },
]

describe.each(allDialects)('OFFSET paging on %s', (dialect) => {
  let db: ItemsDatabase
  const selectList = itemColumns.map((name) => dialects[dialect].quoteIdentifier(name)).join(', ')
  const limit = 7

  beforeAll(async () => {
    db = await createItemsDatabase(dialect)
  })
  afterAll(() => db?.drop())

  it.each(cases)('$name: offset pages cover the table, keyset pages are refused', async (c) => {
    const table = await browsedTable(db.connection, { schema: db.database.schema, name: c.table })
    const compile = (page: TablePage) =>
      compileTableQuery(dialects[dialect], table, {
        sort: c.sort,
        filters: [],
        where: '',
        page,
        limit,
      })

    const first = compile({ kind: 'first' })
    expect(first).toMatchObject({ paging: 'offset', anchorColumns: [] })
    if (c.order === null) expect(first.sql).not.toMatch(/ORDER BY/)
    const rows: Cell[][] = []
    for (let offset = 0; ; offset += limit) {
      const got = await db.rows(compile({ kind: 'offset', offset }).sql)
      rows.push(...got.slice(0, limit))
      if (got.length <= limit) break
    }
    const order = c.order === null ? '' : ` ORDER BY ${c.order}`
    const expected = await db.rows(`SELECT ${selectList} FROM ${c.table}${order}`)
    expect(expected).toHaveLength(60)
    const asSet = (all: Cell[][]) => all.map((row) => JSON.stringify(row)).sort()
    if (c.order === null) expect(asSet(rows)).toEqual(asSet(expected))
    else expect(rows).toEqual(expected)
    expect(Number((await db.rows(first.countSql))[0]![0])).toBe(60)

    const anchor = [1]
    for (const page of [
      { kind: 'last' as const },
      { kind: 'after' as const, anchor },
      { kind: 'before' as const, anchor },
    ]) {
      expect(() => compile(page)).toThrow(c.reason)
      expect(() => compile(page)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }))
    }
  })
})

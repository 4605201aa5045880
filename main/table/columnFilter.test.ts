import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ColumnFilter } from '../../shared/tableContract'
import { dialects } from '../dialects/registry'
import { allDialects } from '../testing/testDatabases'
import {
  createItemsDatabase,
  itemColumns,
  itemRows,
  oddColumn,
  type Item,
  type ItemsDatabase,
} from './itemsTable'
import { browsedTable } from './TableQueries'
import { compileTableQuery, type BrowsedTable } from './tableQuery'

interface FilterCase {
  name: string
  filters: ColumnFilter[]
  /** The rows the filters select, worked out from the seeded data. */
  expected: (item: Item) => boolean
}

const big = (item: Item) => (item.big === null ? null : BigInt(item.big))
const beyond2to53 = 9007199254740992n
const lower = (text: string | null) => text?.toLowerCase() ?? ''

// Text is compared only where the three default collations agree: no case or trailing-space twins, ASCII case folding.
const cases: FilterCase[] = [
  {
    name: 'eq on text',
    filters: [{ column: 'label', op: 'eq', value: 'cherry' }],
    expected: (i) => i.label === 'cherry',
  },
  {
    name: 'ne leaves NULLs out',
    filters: [{ column: 'qty', op: 'ne', value: '3' }],
    expected: (i) => i.qty !== null && i.qty !== 3,
  },
  {
    name: 'lt on an integer',
    filters: [{ column: 'select', op: 'lt', value: '2' }],
    expected: (i) => i.select !== null && i.select < 2,
  },
  {
    name: 'gt on a bigint one above 2^53 stays exact',
    filters: [{ column: 'big', op: 'gt', value: '9007199254740992' }],
    expected: (i) => big(i) !== null && big(i)! > beyond2to53,
  },
  {
    name: 'eq on a negative bigint beyond 2^53',
    filters: [{ column: 'big', op: 'eq', value: '-9007199254740993' }],
    expected: (i) => i.big === '-9007199254740993',
  },
  {
    name: 'gte on a decimal',
    filters: [{ column: 'price', op: 'gte', value: '12.5' }],
    expected: (i) => i.price !== null && Number(i.price) >= 12.5,
  },
  {
    name: 'lte on a timestamp',
    filters: [{ column: 'at', op: 'lte', value: '2024-03-01 10:00:00' }],
    expected: (i) => i.at !== null && i.at <= '2024-03-01 10:00:00',
  },
  {
    name: 'eq true on a boolean',
    filters: [{ column: 'flag', op: 'eq', value: 'true' }],
    expected: (i) => i.flag === true,
  },
  {
    name: 'eq 0 on a boolean',
    filters: [{ column: 'flag', op: 'eq', value: '0' }],
    expected: (i) => i.flag === false,
  },
  {
    name: 'contains, whatever the case',
    filters: [{ column: 'label', op: 'contains', value: 'APP' }],
    expected: (i) => lower(i.label).includes('app'),
  },
  {
    name: 'contains on a number',
    filters: [{ column: 'qty', op: 'contains', value: '3' }],
    expected: (i) => String(i.qty ?? '').includes('3'),
  },
  {
    name: 'contains matches % and _ literally',
    filters: [{ column: 'label', op: 'contains', value: '50%_off' }],
    expected: (i) => i.label === '50%_off',
  },
  {
    name: 'contains matches a backslash literally',
    filters: [{ column: 'label', op: 'contains', value: '\\' }],
    expected: (i) => i.label === 'a\\b',
  },
  {
    name: 'startsWith',
    filters: [{ column: 'label', op: 'startsWith', value: 'b' }],
    expected: (i) => lower(i.label).startsWith('b'),
  },
  {
    name: 'startsWith a unicode prefix',
    filters: [{ column: 'label', op: 'startsWith', value: 'üb' }],
    expected: (i) => i.label === 'über',
  },
  {
    name: 'isNull',
    filters: [{ column: 'label', op: 'isNull' }],
    expected: (i) => i.label === null,
  },
  {
    name: 'notNull on the odd column',
    filters: [{ column: oddColumn, op: 'notNull' }],
    expected: (i) => i.odd !== null,
  },
  {
    name: 'in on text',
    filters: [{ column: 'label', op: 'in', values: ['cherry', 'banana', 'none such'] }],
    expected: (i) => i.label === 'cherry' || i.label === 'banana',
  },
  {
    name: 'in on bigints beyond 2^53',
    filters: [{ column: 'big', op: 'in', values: ['9007199254740993', '42'] }],
    expected: (i) => i.big === '9007199254740993' || i.big === '42',
  },
  {
    name: 'two filters together',
    filters: [
      { column: oddColumn, op: 'eq', value: 'o1' },
      { column: 'qty', op: 'gte', value: '2' },
    ],
    expected: (i) => i.odd === 'o1' && i.qty !== null && i.qty >= 2,
  },
]

describe.each(allDialects)('column filters on %s', (dialect) => {
  let db: ItemsDatabase
  let items: BrowsedTable
  const compile = (filters: ColumnFilter[], where = '') =>
    compileTableQuery(dialects[dialect], items, {
      sort: [],
      filters,
      where,
      page: { kind: 'offset', offset: 0 },
      limit: 1000,
    })
  const keys = (rows: unknown[][]) =>
    rows.map((row) => `${String(row[0])}/${String(row[1])}`).sort()

  beforeAll(async () => {
    db = await createItemsDatabase(dialect)
    items = await browsedTable(db.connection, { schema: db.database.schema, name: 'items' })
    expect(itemColumns.slice(0, 2)).toEqual(['grp', 'n'])
  })
  afterAll(() => db?.drop())

  it.each(cases)('$name', async (c) => {
    const expected = keys(
      itemRows()
        .filter(c.expected)
        .map((i) => [i.grp, i.n]),
    )
    expect(expected.length).toBeGreaterThan(0)
    const { sql, countSql } = compile(c.filters)
    expect(keys(await db.rows(sql))).toEqual(expected)
    expect(Number((await db.rows(countSql))[0]![0])).toBe(expected.length)
  })

  it('ANDs the raw WHERE with the filters, in parentheses', async () => {
    const { sql } = compile([{ column: 'qty', op: 'eq', value: '1' }], 'grp = ' + "'a' OR 1 = 1")
    const expected = itemRows().filter((i) => i.qty === 1)
    expect(keys(await db.rows(sql))).toEqual(keys(expected.map((i) => [i.grp, i.n])))
  })

  it('refuses an unknown column and an op without its value', () => {
    expect(() => compile([{ column: 'nope', op: 'eq', value: '1' }])).toThrow(/No column "nope"/)
    expect(() => compile([{ column: 'qty', op: 'gt' }])).toThrow(/"gt" filter on column qty needs/)
    expect(() => compile([{ column: 'qty', op: 'in', values: [] }])).toThrow(/needs a list/)
    expect(() => compile([{ column: 'label', op: 'contains' }])).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    )
  })
})

import type { DialectName } from '../../shared/connectionUrl'
import type { Cell } from '../../shared/cells'
import { collectRows } from '../dialects/collectRows'
import { connectUrl, dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases'

/** One seeded row of `items`, the table the table-paging tests page through. */
export interface Item {
  grp: string
  n: number
  label: string | null
  qty: number | null
  /** Exact, as text: some are beyond 2^53. */
  big: string | null
  price: string | null
  at: string | null
  odd: string | null
  select: number | null
  flag: boolean | null
  ratio: number
}

/** The column with quotes, a backtick and a space in its name. */
export const oddColumn = 'odd "na`me"'

type Types = Record<DialectName, string>
const text: Types = { sqlite: 'TEXT', postgres: 'text', mysql: 'VARCHAR(100)' }
const int: Types = { sqlite: 'INTEGER', postgres: 'integer', mysql: 'INT' }

/** Name, the row's field, and the type per dialect. */
const columns: [string, keyof Item, Types][] = [
  ['grp', 'grp', { ...text, mysql: 'VARCHAR(10)' }],
  ['n', 'n', int],
  ['label', 'label', text],
  ['qty', 'qty', int],
  ['big', 'big', { sqlite: 'BIGINT', postgres: 'bigint', mysql: 'BIGINT' }],
  [
    'price',
    'price',
    { sqlite: 'DECIMAL(12,4)', postgres: 'numeric(12,4)', mysql: 'DECIMAL(12,4)' },
  ],
  ['at', 'at', { sqlite: 'TIMESTAMP', postgres: 'timestamp', mysql: 'DATETIME' }],
  [oddColumn, 'odd', text],
  ['select', 'select', int],
  ['flag', 'flag', { sqlite: 'BOOLEAN', postgres: 'boolean', mysql: 'BOOLEAN' }],
  ['ratio', 'ratio', { sqlite: 'REAL', postgres: 'double precision', mysql: 'DOUBLE' }],
]
const numerals = new Set<keyof Item>(['big', 'price'])

export const itemColumns = columns.map(([name]) => name)

const labels = [
  'apple',
  'Apple',
  'apple ',
  'banana',
  null,
  'cherry',
  '50%_off',
  '50% off',
  '5000_off',
  'a\\b',
  'über',
  '',
  'pineapple',
  null,
]
const bigs = ['9007199254740993', '9007199254740992', '-9007199254740993', null, '42']
const prices = ['12.5000', '0.1000', null, '12.5000', '-3.2500', '99999999.9999']
const times = [
  '2024-03-01 10:00:00',
  null,
  '2024-03-02 00:00:00',
  '2024-03-01 10:00:00',
  '2024-02-29 23:59:59',
]

/** 60 rows keyed by (grp, n), every nullable column with duplicates and NULLs. */
export function itemRows(): Item[] {
  const rows: Item[] = []
  for (const grp of ['b', 'a', 'c'])
    for (let n = 1; n <= 20; n++) {
      const i = rows.length
      rows.push({
        grp,
        n,
        label: labels[(i * 5) % labels.length]!,
        qty: i % 6 === 0 ? null : (i * 7) % 5,
        big: bigs[i % bigs.length]!,
        price: prices[(i * 3) % prices.length]!,
        at: times[i % times.length]!,
        odd: i % 4 === 0 ? null : `o${i % 3}`,
        select: i % 5 === 0 ? null : (i * 3) % 4,
        flag: i % 7 === 0 ? null : i % 2 === 0,
        ratio: ((i * 13) % 17) / 10,
      })
    }
  return rows
}

export interface ItemsDatabase {
  database: TestDatabase
  connection: DialectConnection
  /** Runs one statement and keeps its rows. */
  rows(sql: string): Promise<Cell[][]>
  drop(): Promise<void>
}

/**
 * A fresh database holding `items` (key grp, n) and `loose`, the same rows
 * with no primary key.
 */
export async function createItemsDatabase(dialect: DialectName): Promise<ItemsDatabase> {
  const database = await createTestDatabase(dialect)
  const connection = await connectUrl(database.url)
  const { quoteIdentifier: q, quoteLiteral } = dialects[dialect]
  const rows = (sql: string) => collectRows(connection, sql)
  const definitions = columns.map(([name, , types]) => `${q(name)} ${types[dialect]}`)
  await rows(`CREATE TABLE items (${definitions.join(', ')}, PRIMARY KEY (grp, n))`)
  await rows(`CREATE TABLE loose (${definitions.join(', ')})`)
  const literal = (field: keyof Item, value: Item[keyof Item]) => {
    if (value === null) return 'NULL'
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
    return typeof value === 'number' || numerals.has(field) ? String(value) : quoteLiteral(value)
  }
  const values = itemRows().map(
    (item) => `(${columns.map(([, field]) => literal(field, item[field])).join(', ')})`,
  )
  await rows(`INSERT INTO items VALUES ${values.join(', ')}`)
  await rows(`INSERT INTO loose SELECT * FROM items`)
  return {
    database,
    connection,
    rows,
    async drop() {
      await connection.close()
      await database.drop()
    },
  }
}

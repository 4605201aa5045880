import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ColumnInfo } from '../../../shared/contract'
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases'
import { connectUrl } from '../registry'
import type { DialectConnection } from '../types'
import { loadTypeNames, typeName, type TypeNames } from './typeNames'

/** Interval field masks as the server encodes them, with no precision and with each of 0..6. */
const intervalModifiers = [
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'year to month',
  'day to hour',
  'day to minute',
  'day to second',
  'hour to minute',
  'hour to second',
  'minute to second',
]

async function columns(connection: DialectConnection, sql: string): Promise<ColumnInfo[]> {
  let found: ColumnInfo[] = []
  for await (const event of connection.stream(sql, { batchSize: 100 }))
    if (event.kind === 'columns') found = event.columns
  return found
}

describe('postgres type names', () => {
  let db: TestDatabase
  let client: pg.Client
  let types: TypeNames

  beforeAll(async () => {
    db = await createTestDatabase('postgres')
    client = new pg.Client({ connectionString: db.url })
    await client.connect()
    types = await loadTypeNames(client)
  })

  afterAll(async () => {
    await client?.end()
    await db?.drop()
  })

  it('decodes every parameterised type modifier as format_type prints it', async () => {
    // The server's own typmods, from the type input functions, for declarations of each kind.
    const declarations = [
      ...[1, 10, 255].flatMap((n) => [`varchar(${n})`, `char(${n})`, `bit(${n})`, `varbit(${n})`]),
      ...['numeric(1,0)', 'numeric(10,2)', 'numeric(4,4)', 'numeric(1000,500)', 'numeric(5,-2)'],
      ...[0, 3, 6].flatMap((p) => [
        `time(${p})`,
        `timetz(${p})`,
        `timestamp(${p})`,
        `timestamptz(${p})`,
        `interval(${p})`,
      ]),
      ...intervalModifiers.flatMap((fields) => [
        `interval ${fields}`,
        ...(fields.endsWith('second') ? [`interval ${fields}(2)`] : []),
      ]),
      ...['varchar(20)[]', 'numeric(6,1)[]', 'timestamptz(2)[]', 'bit(3)[]'],
    ]
    await client.query(
      `CREATE TABLE modifiers (${declarations.map((d, i) => `c${i} ${d}`).join(', ')})`,
    )
    const { rows } = await client.query<{ oid: string; typmod: number; expected: string }>(
      `SELECT atttypid::int8 AS oid, atttypmod AS typmod, format_type(atttypid, atttypmod) AS expected
       FROM pg_attribute WHERE attrelid = 'modifiers'::regclass AND attnum > 0 ORDER BY attnum`,
    )
    expect(rows).toHaveLength(declarations.length)
    for (const row of rows) expect(typeName(types, Number(row.oid), row.typmod)).toBe(row.expected)
  })

  it('names a type without a modifier as format_type does for a column with none', async () => {
    types = await loadTypeNames(client)
    const { rows } = await client.query<{ oid: string; expected: string }>(
      `SELECT oid::int8 AS oid, format_type(oid, -1) AS expected FROM pg_type`,
    )
    for (const row of rows) expect(typeName(types, Number(row.oid), -1)).toBe(row.expected)
  })
})

describe('postgres result types after DDL', () => {
  let db: TestDatabase
  let connection: DialectConnection

  beforeAll(async () => {
    db = await createTestDatabase('postgres')
    connection = await connectUrl(db.url)
  })

  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  it('names an enum created on the same connection, not by its number', async () => {
    await columns(connection, `CREATE TYPE weather AS ENUM ('sun', 'rain')`)
    expect(await columns(connection, `SELECT 'sun'::weather AS today`)).toEqual([
      { name: 'today', type: 'weather' },
    ])
  })

  it('names a type another session created from the next statement on', async () => {
    const other = new pg.Client({ connectionString: db.url })
    await other.connect()
    try {
      await other.query(`CREATE TYPE size AS ENUM ('s', 'm', 'l')`)
    } finally {
      await other.end()
    }
    const sql = `SELECT 'm'::size AS fit`
    const [first] = await columns(connection, sql)
    expect(first?.type).toMatch(/^\d+$/)
    expect(await columns(connection, sql)).toEqual([{ name: 'fit', type: 'size' }])
  })

  it('still runs a ROLLBACK when the names cannot be read in an aborted transaction', async () => {
    await columns(connection, 'BEGIN')
    await columns(connection, `CREATE TYPE doomed AS ENUM ('x')`)
    await expect(columns(connection, 'SELECT * FROM no_such_table')).rejects.toThrow()
    await columns(connection, 'ROLLBACK')
    expect(await columns(connection, 'SELECT 1::int2 AS one')).toEqual([
      { name: 'one', type: 'smallint' },
    ])
  })
})

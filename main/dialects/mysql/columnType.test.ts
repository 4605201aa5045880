import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ColumnInfo } from '../../../shared/contract'
import { openHarness, type Harness } from '../../testing/serviceHarness'
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases'
import { connectUrl } from '../registry'
import type { DialectConnection, StreamEvent } from '../types'

async function events(connection: DialectConnection, sql: string): Promise<StreamEvent[]> {
  const seen: StreamEvent[] = []
  for await (const event of connection.stream(sql, { batchSize: 100 })) seen.push(event)
  return seen
}

const typesOf = (columns: ColumnInfo[]) => columns.map((c) => c.type)

describe('mysql result column types', () => {
  let db: TestDatabase
  let connection: DialectConnection

  beforeAll(async () => {
    db = await createTestDatabase('mysql')
    connection = await connectUrl(db.url)
    await events(
      connection,
      `CREATE TABLE pets (kind enum('cat','dog'), tags set('small','loud'), name varchar(60), latin varchar(10) CHARACTER SET latin1)`,
    )
    await events(connection, `INSERT INTO pets VALUES ('cat', 'small,loud', 'Tom', 'x')`)
  })

  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  it('names ENUM and SET values once the statement has finished, before it is done', async () => {
    const seen = await events(connection, 'SELECT p.kind AS k, tags, name FROM pets p')
    expect(seen.map((e) => e.kind)).toEqual(['columns', 'rows', 'columnTypes', 'done'])
    const [first, , refined] = seen as [
      { columns: ColumnInfo[] },
      unknown,
      { columns: ColumnInfo[] },
    ]
    expect(typesOf(first.columns)).toEqual(['enum', 'set', 'varchar(60)'])
    expect(refined.columns).toEqual([
      { name: 'k', type: "enum('cat','dog')" },
      { name: 'tags', type: "set('small','loud')" },
      { name: 'name', type: 'varchar(60)' },
    ])
  })

  it('keeps the plain word where no table holds the column, and sends nothing more', async () => {
    const seen = await events(connection, 'SELECT kind FROM (SELECT kind FROM pets) AS derived')
    expect(seen.map((e) => e.kind)).toEqual(['columns', 'rows', 'done'])
    expect(typesOf((seen[0] as { columns: ColumnInfo[] }).columns)).toEqual(['enum'])
  })

  it('counts characters in the character set the server sends, whatever the session asks for', async () => {
    await events(connection, 'SET NAMES latin1')
    const latin = await events(connection, 'SELECT name, latin FROM pets')
    expect(typesOf((latin[0] as { columns: ColumnInfo[] }).columns)).toEqual([
      'varchar(60)',
      'varchar(10)',
    ])
    await events(connection, 'SET character_set_results = NULL')
    const own = await events(connection, 'SELECT name, latin FROM pets')
    expect(typesOf((own[0] as { columns: ColumnInfo[] }).columns)).toEqual([
      'varchar(60)',
      'varchar(10)',
    ])
    await events(connection, 'SET NAMES utf8mb4')
  })

  it('names expressions as a table made from them would be declared', async () => {
    const seen = await events(
      connection,
      "SELECT COUNT(*) AS n, 1.5 AS d, CAST('a' AS CHAR(3)) AS c, NOW(3) AS t, 2.5e0 AS f FROM pets",
    )
    expect(typesOf((seen[0] as { columns: ColumnInfo[] }).columns)).toEqual([
      'bigint(21)',
      'decimal(2,1)',
      'varchar(3)',
      'datetime(3)',
      'double',
    ])
  })
})

describe('mysql ENUM types through the service', () => {
  let h: Harness
  beforeAll(async () => {
    h = await openHarness('mysql')
  })
  afterAll(() => h.close())

  it('sends a second query.columns for the same query, with the values named', async () => {
    await h.run('create', `CREATE TABLE moods (mood enum('happy','sad'))`)
    await h.run('fill', `INSERT INTO moods VALUES ('sad')`)
    expect(await h.run('read', 'SELECT mood FROM moods')).toMatchObject({ type: 'query.done' })
    const sent = h.context.events.filter((e) => e.type === 'query.columns' && e.queryId === 'read')
    expect(sent).toMatchObject([
      { columns: [{ name: 'mood', type: 'enum' }] },
      { columns: [{ name: 'mood', type: "enum('happy','sad')" }] },
    ])
    const order = h.context.events
      .filter((e) => 'queryId' in e && e.queryId === 'read')
      .map((e) => e.type)
    expect(order.at(-2)).toBe('query.columns')
    expect(order.at(-1)).toBe('query.done')
  })
})

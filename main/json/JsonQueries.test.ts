import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { createJsonPetDatabase, jsonPetRows, type JsonPetDatabase } from '../testing/jsonPets'
import { allDialects } from '../testing/testDatabases'
import { JsonQueries } from './JsonQueries'

describe.each(allDialects)('the JSON editor engine on %s', (dialect) => {
  let pets: JsonPetDatabase
  let connection: DialectConnection
  let json: JsonQueries
  const object = () => ({
    schema: pets.database.schema,
    name: 'pets',
  })
  const q = (name: string) => dialects[dialect].quoteIdentifier(name)

  beforeAll(async () => {
    pets = await createJsonPetDatabase(dialect, 'pets', jsonPetRows(3000))
    connection = pets.connection
    json = new JsonQueries(() => connection)
    if (dialect === 'sqlite') {
      await collectRows(connection, 'ALTER TABLE pets ADD COLUMN meta TEXT')
      await collectRows(connection, 'ALTER TABLE pets ADD COLUMN note TEXT')
      await collectRows(
        connection,
        `UPDATE pets SET meta = '{"seen": ' || id || '}', note = 'plain ' || id`,
      )
    }
  })

  afterAll(() => pets?.drop())

  it('finds the JSON columns and says how', async () => {
    const columns = await json.columns('c', object())
    const expected = {
      sqlite: [
        { name: 'data', type: 'JSON', how: 'type' },
        { name: 'meta', type: 'TEXT', how: 'sampled' },
      ],
      postgres: [{ name: 'data', type: 'jsonb', how: 'type' }],
      mysql: [{ name: 'data', type: 'json', how: 'check' }],
    }[dialect]
    expect(columns).toEqual(expected)
  })

  it('learns the shape from a sample and keeps it until refreshed', async () => {
    const shape = await json.shape('c', object(), 'data', {})
    expect(shape.sampled).toBe(1000)
    const food = shape.root.children.find((c) => c.key === 'favorite_food')!
    const brand = food.children[0]!.children.find((c) => c.key === 'brand')!
    expect(brand.label).toBe('favorite_food[*].brand')
    expect(brand.types.string).toBeGreaterThan(0)
    expect(await json.shape('c', object(), 'data', {})).toBe(shape)
    const again = await json.shape('c', object(), 'data', { refresh: true, sampleSize: 50 })
    expect(again.sampled).toBe(50)
  })

  it('compiles a filter into a statement that runs and names a missing column', async () => {
    const { sql, lookups } = await json.filter(
      'c',
      object(),
      'data',
      'breed__icontains="mix" , age__lt=5',
    )
    expect(lookups).toEqual(['breed__icontains="mix"', 'age__lt=5'])
    const rows = await collectRows(connection, sql)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((row) => Number(row[0]))).toContain(2)
    await expect(json.filter('c', object(), 'nope', 'a=1')).rejects.toThrow('No column "nope"')
    await expect(json.filter('c', object(), 'data', 'a=tom')).rejects.toThrow(/not a JSON value/)
  })

  it('without a filter yet, selects every row in key order', async () => {
    const { sql, lookups } = await json.filter('c', object(), 'data', '  ')
    expect(lookups).toEqual([])
    const all = await collectRows(connection, sql)
    const counted = await collectRows(
      connection,
      `SELECT count(*) FROM ${sql.split(' FROM ')[1]!.split(' ORDER BY ')[0]}`,
    )
    expect(all.length).toBe(Number(counted[0]![0]))
    const ids = all.map((row) => Number(row[0]))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
  })

  it('advises an index, and once it exists EXPLAIN shows the filter using it', async () => {
    const [before] = await json.advise('c', object(), 'data', 'breed="Mixed"')
    expect(before).toMatchObject({ lookup: 'breed="Mixed"', exists: false, used: null })
    const { sql: plain } = await json.filter('c', object(), 'data', 'breed="Mixed"')
    const matching = await collectRows(connection, plain)
    expect(matching.length).toBeGreaterThan(0)
    for (const statement of before!.ddl) await collectRows(connection, statement)
    if (dialect === 'postgres') await collectRows(connection, 'ANALYZE pets')
    if (dialect === 'mysql') await collectRows(connection, 'ANALYZE TABLE pets')
    const [after] = await json.advise('c', object(), 'data', 'breed="Mixed"')
    expect(after).toMatchObject({ exists: true, used: true })
    const ids = (rows: unknown[][]) => rows.map((row) => Number(row[0]))
    expect(ids(await collectRows(connection, after!.sql))).toEqual(ids(matching))
  })

  it('stages an edit only when the new value is JSON', async () => {
    await expect(json.stageEdit('c', object(), 'data', { id: 2 }, '{"name": ')).rejects.toThrow(
      /is not JSON/,
    )
    const sql = await json.stageEdit('c', object(), 'data', { id: 2 }, '{"name": "Tom", "age": 5}')
    await collectRows(connection, sql)
    const [row] = await collectRows(connection, `SELECT ${q('data')} FROM pets WHERE id = 2`)
    const cell = row![0]!
    const value = typeof cell === 'string' ? JSON.parse(cell) : (cell as { $json: unknown }).$json
    expect(value).toEqual({ name: 'Tom', age: 5 })
  })
})

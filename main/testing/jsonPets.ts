import type { DialectName } from '../../shared/connectionUrl'
import type { JsonValue } from '../../shared/json/lookups'
import { quoteIdentifier, quoteLiteral } from '../../shared/sql/quote'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { random } from './randomSchemaPair'
import { createTestDatabase, type TestDatabase } from './testDatabases'

/** The three pets of product.md, ids 1–3. */
export const storyPets: JsonValue[] = [
  {
    name: 'Bruno',
    type: 'Rat',
    nickname: "We don't talk about it",
    age: 2,
    age_interval: 'months',
  },
  {
    name: 'Tom',
    type: 'Cat',
    breed: 'Mixed',
    age: 4,
    age_interval: 'years',
    favorite_food: [{ brand: 'Acme', flavor: 'Tuna' }],
  },
  {
    name: 'Stewey',
    type: 'Dog',
    breed: 'unknown',
    age: 34,
    age_interval: 'dog years',
    nickname: 'Football',
  },
]

const names = [
  'Tom',
  'tom',
  'TOM',
  'Tom ',
  'Émile',
  'émile',
  'ÉCOLE',
  'Über',
  'Zoë',
  'mix',
  'Ω',
  "O'Hara",
]
const types = ['Cat', 'cat', 'Dog', 'Rat', 'true', '4']
const breeds: JsonValue[] = ['Mixed', 'mixed breed', 'MIX', 'unknown', 'Remix', '', null, 4, true]
const ages: JsonValue[] = [0, 2, 4, 4.0, 4.5, 5, 34, -1, '4', '5', '04', null, true, [4], { n: 4 }]
const flags: JsonValue[] = [true, false, 'true', 'false', 1, 0, null]
const brands: JsonValue[] = ['Acme', 'acme', 'ACME', 'Zeta', 'Ünï', null, 7]

/**
 * The pets plus `count` generated documents (seeded) and a few fixed odd
 * ones: missing keys, JSON nulls, nested arrays, numbers as strings, booleans
 * and "true" strings, mixed case, unicode, keys that need quoting, digit
 * keys, top-level arrays and scalars, and SQL NULL (as `undefined`), each
 * as JSON text, so that a number can be written `4.0`.
 */
export function jsonPetRows(count: number, seed = 1): (string | undefined)[] {
  const next = random(seed)
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!
  const maybe = (chance: number) => next() < chance
  const rows: (JsonValue | undefined)[] = [...storyPets]
  rows.push(
    undefined,
    null,
    'Tom',
    4,
    true,
    [1, 2, 'x'],
    ['nickname', 'breed'],
    [{ brand: 'Acme' }, [1, [2]]],
    { 'odd key': 1, 'a.b': 2, '0': 'zero', 'it\'s "quoted"': 'q', '$*': 'dollar' },
    { favorite_food: { '0': { brand: 'Acme' } } },
    { tags: 'x' },
    {},
    [],
  )
  for (let i = 0; i < count; i++) {
    const pet: Record<string, JsonValue> = {}
    if (maybe(0.9)) pet.name = pick(names)
    if (maybe(0.8)) pet.type = pick(types)
    if (maybe(0.6)) pet.breed = pick(breeds)
    if (maybe(0.85)) pet.age = pick(ages)
    if (maybe(0.5)) pet.active = pick(flags)
    if (maybe(0.35)) pet.nickname = maybe(0.3) ? null : pick(names)
    if (maybe(0.4)) {
      pet.favorite_food = Array.from({ length: Math.floor(next() * 3) }, () => {
        const food: Record<string, JsonValue> = {}
        if (maybe(0.85)) food.brand = pick(brands)
        if (maybe(0.5)) food.flavor = pick(['Tuna', 'tuna', 'Chicken'])
        return food
      })
    }
    if (maybe(0.3))
      pet.tags = Array.from({ length: Math.floor(next() * 4) }, () =>
        pick(['x', 'y', 4, [1, 2], null]),
      )
    if (maybe(0.1)) pet['odd key'] = pick([1, 2, 'one'])
    if (maybe(0.1)) pet['a.b'] = pick([0, 1, 'b'])
    if (maybe(0.05)) pet['0'] = 'zero'
    rows.push(pet)
  }
  const texts = rows.map((row) => (row === undefined ? undefined : JSON.stringify(row)))
  texts.push('{"name":"Four","age":4.0,"weight":1e2}', '[4.0, "4"]')
  return texts
}

/** Statements creating `table(id, data)` with the rows as JSON in the dialect's JSON type; ids from 1. */
export function jsonPetStatements(
  dialect: DialectName,
  table: string,
  rows: (string | undefined)[],
): string[] {
  const type = { sqlite: 'JSON', postgres: 'jsonb', mysql: 'JSON' }[dialect]
  const q = (name: string) => quoteIdentifier(dialect, name)
  const values = rows.map(
    (row, index) => `(${index + 1}, ${row === undefined ? 'NULL' : quoteLiteral(dialect, row)})`,
  )
  return [
    `CREATE TABLE ${q(table)} (${q('id')} INTEGER PRIMARY KEY, ${q('data')} ${type})`,
    `INSERT INTO ${q(table)} (${q('id')}, ${q('data')}) VALUES ${values.join(', ')}`,
  ]
}

/** A test database holding `table(id, data)` with the rows, and a connection to it. */
export interface JsonPetDatabase {
  database: TestDatabase
  connection: DialectConnection
  /** Closes the connection and drops the database. */
  drop(): Promise<void>
}

export async function createJsonPetDatabase(
  dialect: DialectName,
  table: string,
  rows: (string | undefined)[],
): Promise<JsonPetDatabase> {
  const database = await createTestDatabase(dialect)
  const connection = await connectUrl(database.url)
  for (const statement of jsonPetStatements(dialect, table, rows))
    await collectRows(connection, statement)
  return {
    database,
    connection,
    drop: async () => {
      await connection.close()
      await database.drop()
    },
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatLookups, parseLookups, type JsonValue, type Lookup } from '../../shared/json/lookups'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { createJsonPetDatabase, type JsonPetDatabase } from '../testing/jsonPets'
import { referenceMatches } from '../testing/jsonReference'
import { allDialects } from '../testing/testDatabases'
import { filterStatement } from './filterStatement'

const hostile = [
  "'; DROP TABLE pets_json; --",
  '" OR 1=1 --',
  "\\' OR 1=1 #",
  "') OR ('1'='1",
  '$.a[*]',
  '$',
  '*',
  'a\'b"c\\d',
  '%_\\',
  '\\',
  'line\nbreak',
  '`x`',
  'Ünï ❤',
]

/** Lookups that put `key` and `value` into every place the compiler writes a string. */
function lookupsWith(key: string, value: string): Lookup[] {
  const uses: [string, JsonValue][] = [
    ['exact', value],
    ['iexact', value],
    ['icontains', value],
    ['startswith', value],
    ['iendswith', value],
    ['lt', value],
    ['in', [value, 1]],
  ]
  return [
    ...uses.map(([op, v]) => ({ path: [key, 'inner'], op, value: v }) as Lookup),
    { path: [], op: 'has_key', value: key },
    { path: [], op: 'has_keys', value: [key, value] },
    { path: [], op: 'contains', value: { [key]: value } },
    { path: [], op: 'contained_by', value: { [key]: { inner: value }, other: [value] } },
  ]
}

/** The statement with every string literal replaced by `?`: its structure. */
function skeleton(dialect: string, sql: string): string {
  const escaped = /'(?:[^'\\]|\\.|'')*'/gs
  const literal = {
    mysql: escaped,
    postgres: /E'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'/gs,
    sqlite: /'(?:[^']|'')*'/g,
  }[dialect]!
  return sql.replace(literal, '?')
}

describe.each(allDialects)('hostile keys and values on %s', (dialect) => {
  let pets: JsonPetDatabase
  let connection: DialectConnection
  const documents = hostile.map((text) => ({ [text]: { inner: text }, other: [text] }))
  const target = {
    table: dialects[dialect].quoteIdentifier('pets_json'),
    column: 'data',
    orderBy: ['id'],
  }

  beforeAll(async () => {
    const texts = documents.map((document) => JSON.stringify(document))
    pets = await createJsonPetDatabase(dialect, 'pets_json', texts)
    connection = pets.connection
  })

  afterAll(() => pets?.drop())

  it('never change the statement: its structure is that of a plain key and value', () => {
    const plain = filterStatement(dialects[dialect], target, lookupsWith('k', 'v'))
    for (const text of hostile) {
      const sql = filterStatement(dialects[dialect], target, lookupsWith(text, text))
      expect(skeleton(dialect, sql), text).toBe(skeleton(dialect, plain))
    }
  })

  it.each(hostile)('%j is matched as data, finding its own row', async (text) => {
    for (const lookup of lookupsWith(text, text)) {
      // The lookup goes through the text form too, as a person would type it.
      const [parsed] = parseLookups(formatLookups([lookup]))
      const sql = filterStatement(dialects[dialect], target, [parsed!])
      const ids = (await collectRows(connection, sql)).map((row) => Number(row[0]))
      const expected = documents.flatMap((d, i) => (referenceMatches(d, [parsed!]) ? [i + 1] : []))
      expect(ids, `${lookup.op}: ${sql}`).toEqual(expected)
    }
    const [row] = await collectRows(connection, 'SELECT count(*) FROM pets_json')
    expect(Number(row?.[0])).toBe(hostile.length)
  })
})

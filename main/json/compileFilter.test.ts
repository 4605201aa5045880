import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { parseLookups, type JsonValue } from '../../shared/json/lookups'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { createJsonPetDatabase, jsonPetRows, type JsonPetDatabase } from '../testing/jsonPets'
import { referenceMatches } from '../testing/jsonReference'
import { allDialects } from '../testing/testDatabases'
import { filterStatement } from './filterStatement'
import { lookupCases } from './lookupCases'

const rows = jsonPetRows(240)
const documents = rows.map((row) =>
  row === undefined ? undefined : (JSON.parse(row) as JsonValue),
)

function expectedIds(filter: string): number[] {
  const lookups = parseLookups(filter)
  return documents.flatMap((document, index) =>
    referenceMatches(document, lookups) ? [index + 1] : [],
  )
}

const found = new Map<string, Map<DialectName, number[]>>()

describe.each(allDialects)('JSON filters on %s', (dialect) => {
  let pets: JsonPetDatabase
  let connection: DialectConnection

  beforeAll(async () => {
    pets = await createJsonPetDatabase(dialect, 'pets_json', rows)
    connection = pets.connection
  })

  afterAll(() => pets?.drop())

  it.each(lookupCases)('%s selects the rows its meaning gives', async (filter) => {
    const sql = filterStatement(
      dialects[dialect],
      { table: dialects[dialect].quoteIdentifier('pets_json'), column: 'data', orderBy: ['id'] },
      parseLookups(filter),
    )
    const ids = (await collectRows(connection, sql)).map((row) => Number(row[0]))
    expect(ids, sql).toEqual(expectedIds(filter))
    const byDialect = found.get(filter) ?? new Map<DialectName, number[]>()
    byDialect.set(dialect, ids)
    found.set(filter, byDialect)
  })
})

describe('the same filter on every dialect', () => {
  it('selects identical rows, and the cases are not trivial', () => {
    expect(found.size).toBe(lookupCases.length)
    for (const [filter, byDialect] of found) {
      expect([...byDialect.keys()].sort(), filter).toEqual([...allDialects].sort())
      const [first, ...rest] = [...byDialect.values()]
      for (const ids of rest) expect(ids, filter).toEqual(first)
    }
    const matched = [...found.values()].filter((byDialect) => byDialect.get('sqlite')!.length > 0)
    expect(matched.length).toBeGreaterThan(lookupCases.length - 3)
  })
})

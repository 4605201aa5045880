import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatLookups, type JsonValue } from '../../shared/json/lookups'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { createJsonPetDatabase, jsonPetRows, type JsonPetDatabase } from '../testing/jsonPets'
import { randomLookups } from '../testing/randomLookups'
import { referenceMatches } from '../testing/jsonReference'
import { allDialects } from '../testing/testDatabases'
import { filterStatement } from './filterStatement'

/** Random filters at length: each dialect's rows must equal the reference's, on 2,000 documents. */
const filters = 2000
const firstSeed = 5001
const rows = jsonPetRows(2000, 77)
const documents = rows.map((row) =>
  row === undefined ? undefined : (JSON.parse(row) as JsonValue),
)

describe.each(allDialects)('random JSON filters on %s', (dialect) => {
  let pets: JsonPetDatabase
  let connection: DialectConnection

  beforeAll(async () => {
    pets = await createJsonPetDatabase(dialect, 'pets_json', rows)
    connection = pets.connection
  })

  afterAll(() => pets?.drop())

  it(`select the reference's rows for ${filters} filters (seeds ${firstSeed}–${firstSeed + filters - 1})`, async () => {
    const target = {
      table: dialects[dialect].quoteIdentifier('pets_json'),
      column: 'data',
      orderBy: ['id'],
    }
    let nonEmpty = 0
    for (let seed = firstSeed; seed < firstSeed + filters; seed++) {
      const lookups = randomLookups(seed)
      const sql = filterStatement(dialects[dialect], target, lookups)
      const ids = (await collectRows(connection, sql)).map((row) => Number(row[0]))
      const expected = documents.flatMap((d, i) => (referenceMatches(d, lookups) ? [i + 1] : []))
      expect(ids, `seed ${seed}: ${formatLookups(lookups)}`).toEqual(expected)
      if (ids.length > 0) nonEmpty++
    }
    console.log(
      `${dialect}: ${filters} filters, ${nonEmpty} with rows, ${filters - nonEmpty} empty`,
    )
  })
})

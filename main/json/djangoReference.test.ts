import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseLookups, type Lookup } from '../../shared/json/lookups'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import { createJsonPetDatabase, jsonPetRows, type JsonPetDatabase } from '../testing/jsonPets'
import { filterStatement } from './filterStatement'
import { lookupCases } from './lookupCases'

/**
 * Where Django 3.2 on PostgreSQL means something else than Sluice, and why.
 * The test proves each one: Django's rows must really differ there.
 */
const djangoDiffers: Record<string, string> = {
  'age__lt=5': 'jsonb orders every string, null and boolean against numbers, so "4" < 5',
  'age__gte=2': 'jsonb orders booleans, arrays and objects above every number',
  'age__lte=4': 'jsonb orders strings and nulls below every number',
  'age__gt=4': 'jsonb orders booleans, arrays and objects above every number',
  'age__in=[4, "5", null]': 'Django drops None from an IN list, so a JSON null never matches',
  'has_key="nickname"': "jsonb's ? also finds a string element of a top-level array",
  'has_any_keys=["nickname", "breed"]':
    "jsonb's ?| also finds a string element of a top-level array",
  '0="zero"':
    'a lone digit key becomes `-> 0`, an array index, so an object\'s "0" key is never found',
  '0=4': '`-> 0` on a top-level scalar returns the scalar itself',
}

/** Django's keyword for a lookup: `data__a__b__op`. */
function djangoKeyword(lookup: Lookup): string {
  return ['data', ...lookup.path, ...(lookup.op === 'exact' ? [] : [lookup.op])].join('__')
}

function djangoIds(database: string, cases: string[]): number[][] {
  const request = {
    database,
    table: 'pets_json',
    lookups: cases.map((filter) => {
      const [lookup] = parseLookups(filter)
      return { kwarg: djangoKeyword(lookup!), value: lookup!.value }
    }),
  }
  const script = fileURLToPath(new URL('./django/lookups.py', import.meta.url))
  const output = execFileSync('/usr/bin/python3', [script], { input: JSON.stringify(request) })
  return JSON.parse(output.toString()) as number[][]
}

describe('Django 3.2 on PostgreSQL as a second reference', () => {
  let pets: JsonPetDatabase
  const single = lookupCases.filter((filter) => parseLookups(filter).length === 1)

  beforeAll(async () => {
    pets = await createJsonPetDatabase('postgres', 'pets_json', jsonPetRows(240))
  })

  afterAll(() => pets?.drop())

  it('selects what Sluice selects, except where the meanings are stated to differ', async () => {
    const django = djangoIds(new URL(pets.database.url).pathname.slice(1), single)
    const report: string[] = []
    for (const [index, filter] of single.entries()) {
      const sql = filterStatement(
        dialects.postgres,
        { table: '"pets_json"', column: 'data', orderBy: ['id'] },
        parseLookups(filter),
      )
      const ours = (await collectRows(pets.connection, sql)).map((row) => Number(row[0]))
      const same = JSON.stringify(ours) === JSON.stringify(django[index])
      if (same === filter in djangoDiffers)
        report.push(
          `${filter}: ${same ? 'same rows, but listed as differing' : `Sluice ${ours.length} rows, Django ${django[index]!.length}`}`,
        )
    }
    expect(report).toEqual([])
  })
})

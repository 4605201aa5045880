import { lookupOps, type JsonValue, type Lookup } from '../../shared/json/lookups'
import { random } from './randomSchemaPair'

const paths: string[][] = [
  [],
  ['name'],
  ['type'],
  ['breed'],
  ['age'],
  ['active'],
  ['nickname'],
  ['favorite_food'],
  ['favorite_food', '0'],
  ['favorite_food', '0', 'brand'],
  ['favorite_food', '1', 'flavor'],
  ['tags'],
  ['tags', '0'],
  ['tags', '3', '1'],
  ['odd key'],
  ['a.b'],
  ['0'],
  ['1'],
  ['missing', 'deeper'],
]

const scalars: JsonValue[] = [
  'Tom',
  'tom',
  'Tom ',
  'mix',
  'MIX',
  'É',
  'é',
  'Acme',
  'x',
  'y',
  'true',
  '4',
  '',
  'zero',
  'T',
  0,
  1,
  2,
  4,
  4.5,
  5,
  34,
  -1,
  100,
  true,
  false,
  null,
]

/**
 * A random filter of one or two lookups over the paths `jsonPetRows`
 * documents use, with values of every JSON type, for the soak's comparison
 * of each dialect with the reference.
 */
export function randomLookups(seed: number): Lookup[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const value = (depth: number): JsonValue => {
    const roll = next()
    if (depth > 1 || roll < 0.6) return pick(scalars)
    if (roll < 0.8) return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1))
    const object: Record<string, JsonValue> = {}
    for (let i = Math.floor(next() * 3); i > 0; i--)
      object[pick(['name', 'brand', 'type', 'age', 'a'])] = value(depth + 1)
    return object
  }
  return Array.from({ length: next() < 0.7 ? 1 : 2 }, () => {
    const op = pick(lookupOps)
    const path = pick(paths)
    const text = () => pick(scalars.filter((s): s is string => typeof s === 'string'))
    const values: Record<string, () => JsonValue> = {
      exact: () => value(0),
      in: () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(scalars)),
      isnull: () => next() < 0.5,
      lt: () => (next() < 0.5 ? pick([0, 2, 4, 5, 34]) : text()),
      has_key: () => pick(['name', 'brand', 'nickname', '0', 'odd key']),
      has_keys: () => [pick(['name', 'age']), pick(['type', 'breed'])],
      contains: () => value(0),
      regex: () => pick(['^T', 'm$', '[0-9]', 'É|é', '^$']),
    }
    const kind = ['lt', 'lte', 'gt', 'gte'].includes(op)
      ? 'lt'
      : op === 'has_any_keys'
        ? 'has_keys'
        : op === 'contained_by'
          ? 'contains'
          : op === 'iregex'
            ? 'regex'
            : op in values
              ? op
              : 'text'
    return { path, op, value: kind === 'text' ? text() : values[kind]!() }
  })
}

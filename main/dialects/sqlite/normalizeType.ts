import type { NormalizedType } from '../../../shared/schema/model'

/** Names SQLite files under NUMERIC affinity that mean something more specific to their users. */
const numericNames: [RegExp, NormalizedType][] = [
  [/BOOL/, 'boolean'],
  [/DATETIME|TIMESTAMP/, 'timestamp'],
  [/DATE/, 'date'],
  [/TIME/, 'time'],
  [/JSON/, 'json'],
  [/UUID/, 'uuid'],
]

/**
 * A declared type → the neutral family, by SQLite's own affinity rules
 * (section 3.1 of its datatype page) applied in their order, so
 * `FLOATING POINT` is an integer and `STRING` numeric, as SQLite treats them.
 */
export function normalizeType(declared: string): NormalizedType {
  let known = seen.get(declared)
  if (known === undefined) seen.set(declared, (known = byAffinity(declared.toUpperCase())))
  return known
}

// A schema repeats a handful of declared types across thousands of columns.
const seen = new Map<string, NormalizedType>()

function byAffinity(type: string): NormalizedType {
  if (type.includes('INT')) return type.includes('BIG') ? 'bigint' : 'integer'
  if (/CHAR|CLOB|TEXT/.test(type)) return 'text'
  if (type.includes('BLOB')) return 'binary'
  // No declared type: the column takes whatever it is given.
  if (type.trim() === '') return 'other'
  if (/REAL|FLOA|DOUB/.test(type)) return 'float'
  return numericNames.find(([pattern]) => pattern.test(type))?.[1] ?? 'decimal'
}

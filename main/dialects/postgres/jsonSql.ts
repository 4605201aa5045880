import { quoteLiteral } from '../../../shared/sql/quote'
import type { JsonKind, JsonSql } from '../types'
import { postgresJsonIndex } from './jsonIndex'

const quote = (value: string): string => quoteLiteral('postgres', value)
const jsonb = (value: unknown): string => `${quote(JSON.stringify(value))}::jsonb`

const kinds: Record<JsonKind, (json: string) => string> = {
  object: (json) => `jsonb_typeof(${json}) = 'object'`,
  array: (json) => `jsonb_typeof(${json}) = 'array'`,
  string: (json) => `jsonb_typeof(${json}) = 'string'`,
  number: (json) => `jsonb_typeof(${json}) = 'number'`,
  true: (json) => `${json} = 'true'::jsonb`,
  false: (json) => `${json} = 'false'::jsonb`,
  null: (json) => `jsonb_typeof(${json}) = 'null'`,
}

/**
 * PostgreSQL's jsonb operators. `#>` takes a path of text, so a digit step
 * indexes an array or names an object's key as the value decides. Numbers
 * compare as jsonb after a type test, which needs no cast that could fail and
 * which a btree on the path can serve.
 */
export const postgresJsonSql: JsonSql = {
  document: (column) => `${column}::jsonb`,
  at: (json, path) =>
    path.length === 0 ? json : `(${json} #> ARRAY[${path.map(quote).join(', ')}]::text[])`,
  is: (json, kind) => kinds[kind](json),
  text: (json) => `(${json} #>> '{}')`,
  compareNumber: (json, comparison, value) =>
    `${kinds.number(json)} AND ${json} ${comparison} ${jsonb(value)}`,
  literal: quote,
  compareText: (left, comparison, right) =>
    comparison === '=' ? `${left} = ${right}` : `${left} COLLATE "C" ${comparison} ${right}`,
  // ICU's root locale folds every script, where the database's own collation may be "C".
  lower: (text) => `lower(${text} COLLATE "und-x-icu")`,
  startsWith: (text, prefix) => `starts_with(${text}, ${prefix})`,
  endsWith: (text, suffix) => `right(${text}, length(${suffix})) = ${suffix}`,
  includes: (text, part) => `strpos(${text}, ${part}) > 0`,
  regex: (text, pattern, caseInsensitive) =>
    `${text} ${caseInsensitive ? '~*' : '~'} ${quote(pattern)}`,
  hasKey: (json, key) => `${kinds.object(json)} AND ${json} ? ${quote(key)}`,
  structure: {
    kind: 'native',
    equals: (json, value) => `${json} = ${jsonb(value)}`,
    contains: (json, value) => `${json} @> ${jsonb(value)}`,
    containedBy: (json, value) => `${json} <@ ${jsonb(value)}`,
  },
  indexFor: (target, lookup) => postgresJsonIndex(target, lookup),
  sample: (table, column, size, estimatedRows) =>
    estimatedRows !== null && estimatedRows > 2 * size
      ? `SELECT ${column} FROM ${table} TABLESAMPLE BERNOULLI (${Math.min(100, (200 * size) / estimatedRows)}) LIMIT ${size}`
      : `SELECT ${column} FROM ${table} LIMIT ${size}`,
}

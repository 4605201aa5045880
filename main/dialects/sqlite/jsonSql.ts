import { quoteLiteral } from '../../../shared/sql/quote'
import type { JsonKind, JsonSql } from '../types'
import { jsonPathLiteral, splitAtIndexes } from '../jsonPathText'
import { sqliteJsonIndex } from './jsonIndex'

const quote = (value: string): string => quoteLiteral('sqlite', value)

const kinds: Record<JsonKind, string> = {
  object: "= 'object'",
  array: "= 'array'",
  string: "= 'text'",
  number: "IN ('integer', 'real')",
  true: "= 'true'",
  false: "= 'false'",
  null: "= 'null'",
}

/**
 * SQLite's JSON functions on text. `->` keeps a value as JSON, so a JSON null
 * (`'null'`) and a missing key (SQL NULL) stay apart, as `json_extract` would
 * not keep them. Case folding and REGEXP are the engine's own functions
 * (`sluice_lower`, `regexp`), since SQLite's `lower` folds only ASCII.
 */
export const sqliteJsonSql: JsonSql = {
  document: (column) => `(CASE WHEN json_valid(${column}) THEN ${column} END)`,
  at: (json, path) =>
    splitAtIndexes(path).reduce<string>(
      (inner, step) =>
        typeof step === 'string'
          ? `(CASE WHEN json_type(${inner}) = 'array' THEN ${inner} -> '$[${step}]' ELSE ${inner} -> ${quote(jsonPathLiteral([step]))} END)`
          : `(${inner} -> ${quote(jsonPathLiteral(step.keys))})`,
      json,
    ),
  is: (json, kind) => `json_type(${json}) ${kinds[kind]}`,
  text: (json) => `(${json} ->> '$')`,
  // `->>` never fails, so the type test need not come first, and an index on `->>` serves the comparison.
  compareNumber: (json, comparison, value) =>
    `json_type(${json}) ${kinds.number} AND (${json} ->> '$') ${comparison} ${value}`,
  literal: quote,
  compareText: (left, comparison, right) => `${left} ${comparison} ${right}`,
  lower: (text) => `sluice_lower(${text})`,
  startsWith: (text, prefix) => `substr(${text}, 1, length(${prefix})) = ${prefix}`,
  endsWith: (text, suffix) => `substr(${text}, -length(${suffix})) = ${suffix}`,
  includes: (text, part) => `instr(${text}, ${part}) > 0`,
  regex: (text, pattern, caseInsensitive) =>
    `${text} REGEXP ${quote((caseInsensitive ? '(?i)' : '') + pattern)}`,
  structure: {
    kind: 'expanded',
    length: (json) => `(SELECT count(*) FROM json_each(${json}))`,
    someElement: (json, alias, condition) =>
      `EXISTS (SELECT 1 FROM json_each(${json}) AS ${alias} WHERE ${condition(`(${json} -> ${alias}.fullkey)`)})`,
    everyElement: (json, alias, condition) =>
      `NOT EXISTS (SELECT 1 FROM json_each(${json}) AS ${alias} WHERE NOT COALESCE(${condition(`(${json} -> ${alias}.fullkey)`)}, FALSE))`,
    keysWithin: (json, alias, keys) =>
      `NOT EXISTS (SELECT 1 FROM json_each(${json}) AS ${alias} WHERE ${alias}.key NOT IN (${keys.map(quote).join(', ')}))`,
  },
  indexFor: (target, lookup) => sqliteJsonIndex(target, lookup),
  sample: (table, column, size, estimatedRows) =>
    `SELECT ${column} FROM ${table}${
      estimatedRows !== null && estimatedRows > 2 * size
        ? ` WHERE abs(random() % 1000000) < ${Math.ceil((2 * size * 1_000_000) / estimatedRows)}`
        : ''
    } LIMIT ${size}`,
}

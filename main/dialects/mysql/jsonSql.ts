import { quoteLiteral } from '../../../shared/sql/quote'
import { jsonPathLiteral, splitAtIndexes } from '../jsonPathText'
import type { JsonKind, JsonSql } from '../types'
import { mysqlJsonIndex } from './jsonIndex'

const quote = (value: string): string => quoteLiteral('mysql', value)
const bytes = (text: string): string => `CAST(${text} AS BINARY)`

const numberTypes = "('INTEGER', 'UNSIGNED INTEGER', 'DOUBLE', 'DECIMAL')"

const kinds: Record<JsonKind, (json: string) => string> = {
  object: (json) => `JSON_TYPE(${json}) = 'OBJECT'`,
  array: (json) => `JSON_TYPE(${json}) = 'ARRAY'`,
  string: (json) => `JSON_TYPE(${json}) = 'STRING'`,
  number: (json) => `JSON_TYPE(${json}) IN ${numberTypes}`,
  true: (json) => `JSON_TYPE(${json}) = 'BOOLEAN' AND ${json} = 'true'`,
  false: (json) => `JSON_TYPE(${json}) = 'BOOLEAN' AND ${json} = 'false'`,
  null: (json) => `JSON_TYPE(${json}) = 'NULL'`,
}

/**
 * MySQL's and MariaDB's JSON functions, which both have (MariaDB has no `->`).
 * Text is compared as bytes, because the collation of an unquoted value may
 * ignore case, accents or trailing spaces; UTF-8 bytes sort by code point.
 */
export const mysqlJsonSql: JsonSql = {
  document: (column) => `(CASE WHEN JSON_VALID(${column}) THEN ${column} END)`,
  at: (json, path) =>
    splitAtIndexes(path).reduce<string>(
      (inner, step) =>
        typeof step === 'string'
          ? `(CASE WHEN JSON_TYPE(${inner}) = 'ARRAY' THEN JSON_EXTRACT(${inner}, '$[${step}]') ELSE JSON_EXTRACT(${inner}, ${quote(jsonPathLiteral([step]))}) END)`
          : `JSON_EXTRACT(${inner}, ${quote(jsonPathLiteral(step.keys))})`,
      // Extracting `$` gives the document in normal form, as every deeper value is.
      `JSON_EXTRACT(${json}, '$')`,
    ),
  is: (json, kind) => kinds[kind](json),
  text: (json) => `JSON_UNQUOTE(${json})`,
  compareNumber: (json, comparison, value) =>
    `(CASE WHEN JSON_TYPE(${json}) IN ${numberTypes} THEN CAST(JSON_UNQUOTE(${json}) AS DOUBLE) ${comparison} ${value} END)`,
  literal: quote,
  compareText: (left, comparison, right) => `${bytes(left)} ${comparison} ${bytes(right)}`,
  lower: (text) => `LOWER(${text})`,
  startsWith: (text, prefix) => `LEFT(${bytes(text)}, LENGTH(${bytes(prefix)})) = ${bytes(prefix)}`,
  endsWith: (text, suffix) => `RIGHT(${bytes(text)}, LENGTH(${bytes(suffix)})) = ${bytes(suffix)}`,
  includes: (text, part) => `LOCATE(${bytes(part)}, ${bytes(text)}) > 0`,
  // The flag in front decides case, whatever the collation would.
  regex: (text, pattern, caseInsensitive) =>
    `${text} REGEXP ${quote((caseInsensitive ? '(?i)' : '(?-i)') + pattern)}`,
  structure: {
    kind: 'expanded',
    length: (json) => `JSON_LENGTH(${json})`,
    someElement: (json, alias, condition) =>
      `EXISTS (SELECT 1 FROM JSON_TABLE(${json}, '$[*]' COLUMNS (i FOR ORDINALITY)) AS ${alias} WHERE ${condition(element(json, alias))})`,
    everyElement: (json, alias, condition) =>
      `NOT EXISTS (SELECT 1 FROM JSON_TABLE(${json}, '$[*]' COLUMNS (i FOR ORDINALITY)) AS ${alias} WHERE NOT COALESCE(${condition(element(json, alias))}, FALSE))`,
    keysWithin: (json, alias, keys) =>
      `NOT EXISTS (SELECT 1 FROM JSON_TABLE(JSON_KEYS(${json}), '$[*]' COLUMNS (k LONGTEXT CHARACTER SET utf8mb4 PATH '$')) AS ${alias} WHERE ${bytes(`${alias}.k`)} NOT IN (${keys.map((key) => bytes(quote(key))).join(', ')}))`,
  },
  indexFor: (target, lookup) => mysqlJsonIndex(target, lookup),
  sample: (table, column, size, estimatedRows) =>
    `SELECT ${column} FROM ${table}${
      estimatedRows !== null && estimatedRows > 2 * size
        ? ` WHERE RAND() < ${Math.min(1, (2 * size) / estimatedRows)}`
        : ''
    } LIMIT ${size}`,
}

function element(json: string, alias: string): string {
  return `JSON_EXTRACT(${json}, CONCAT('$[', ${alias}.i - 1, ']'))`
}

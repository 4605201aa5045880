import type { Column } from '../../shared/schema/model'
import type { PreflightSql } from '../dialects/types'
import { sameTypeFamily } from '../diff/typeNarrowing'

/** What a narrowed type can hold: the offending condition on `value`, and the words for it. */
export interface FitTest {
  condition: string
  words: string
}

const integerBounds: Record<string, [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  int1: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int2: [-32768n, 32767n],
  mediumint: [-8388608n, 8388607n],
  int3: [-8388608n, 8388607n],
  int: [-2147483648n, 2147483647n],
  integer: [-2147483648n, 2147483647n],
  int4: [-2147483648n, 2147483647n],
}

/**
 * Values of `value` (a column now of type `from`) that do not fit `to` of the
 * same family: too long for a VARCHAR(n), out of a smaller integer's range,
 * or beyond a lower numeric precision or scale. Null when nothing to test.
 */
export function lengthTest(value: string, to: Column, sql: PreflightSql): FitTest | null {
  const { base, args, unsigned } = parseType(to.type)
  if (to.normalizedType === 'text' && args[0] !== undefined)
    return {
      condition: `${sql.charLength(value)} > ${args[0]}`,
      words: `longer than ${args[0]} characters`,
    }
  const bounds = integerBounds[base]
  if (bounds) {
    const [min, max] = unsigned ? [0n, bounds[1] - bounds[0]] : bounds
    return {
      condition: `(${value} < ${min} OR ${value} > ${max})`,
      words: `outside ${to.type} (${min} to ${max})`,
    }
  }
  if (to.normalizedType === 'decimal' && args[0] !== undefined) {
    const [precision, scale = 0] = args as [number, number?]
    const limit = '1' + '0'.repeat(Math.max(precision - scale, 0))
    return {
      condition: `(abs(${value}) >= ${limit} OR ${value} <> round(${value}, ${scale}))`,
      words: `that do not fit ${to.type} (too large, or more than ${scale} decimal places)`,
    }
  }
  return null
}

/** Values that would not convert to `to` from another type family. Null when the dialect cannot tell. */
export function conversionTest(
  value: string,
  from: Column,
  to: Column,
  sql: PreflightSql,
): FitTest | null {
  const words = `that would not convert to ${to.type}`
  if (sql.tryCast) return { condition: sql.tryCast.fails(value, to.type), words }
  const fromNumber = ['integer', 'bigint', 'decimal', 'float'].includes(from.normalizedType)
  switch (to.normalizedType) {
    case 'integer':
    case 'bigint':
      return {
        condition: fromNumber ? `${value} <> round(${value})` : sql.notInteger(value),
        words: fromNumber ? 'with a fraction an integer drops' : words,
      }
    case 'decimal':
    case 'float':
      return fromNumber ? null : { condition: sql.notNumber(value), words }
    case 'date':
      return { condition: sql.notDate(value), words }
    case 'timestamp':
    case 'timestamptz':
      return { condition: sql.notTimestamp(value), words }
    case 'json':
      return { condition: sql.notJson(value), words }
    default:
      return null
  }
}

/** Whether a type change is a narrowing within one family (a `length` finding) rather than a conversion. */
export function isNarrowing(from: Column, to: Column): boolean {
  return sameTypeFamily(from.type, to.type)
}

function parseType(type: string): { base: string; args: number[]; unsigned: boolean } {
  const match = /^([^(]*?)\s*(?:\(([^)]*)\))?\s*(unsigned)?\s*$/i.exec(type.trim())
  return {
    base: (match?.[1] ?? type).toLowerCase().trim(),
    args: (match?.[2] ?? '')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n >= 0),
    unsigned: match?.[3] !== undefined,
  }
}

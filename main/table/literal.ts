import { isBytesCell, isJsonCell, type Cell } from '../../shared/cells'
import { SluiceError } from '../../shared/errors'
import type { Column } from '../../shared/schema/model'
import type { Dialect } from '../dialects/types'

/** What a literal needs to know of the column it is compared with. */
export type TypedColumn = Pick<Column, 'name' | 'type' | 'normalizedType' | 'nullable'>

// No exponent: MySQL reads 1e3 as a double, and a double is not exact.
const numeral = /^[+-]?(\d+\.?\d*|\.\d+)$/
const hexBytes = /^(?:\\x|0x)((?:[0-9a-f]{2})*)$/i
const base64 = /^[A-Za-z0-9+/]*={0,2}$/
const numericFamilies = new Set<Column['normalizedType']>(['integer', 'bigint', 'decimal'])

/**
 * An anchor cell (a value read from the column) as a literal that compares
 * with the column exactly: numbers and numeral strings in numeric columns
 * bare, because MySQL compares a quoted string with a BIGINT as a double;
 * booleans as TRUE/FALSE, which all three dialects read (SQLite as 1/0);
 * bytes as the dialect's binary literal; anything else a quoted string the
 * server coerces to the column's type. Throws BAD_REQUEST for a JSON cell.
 * NULL has no literal: callers write IS NULL.
 */
export function cellLiteral(
  dialect: Dialect,
  column: TypedColumn,
  cell: Exclude<Cell, null>,
): string {
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  if (isBytesCell(cell)) return bytesLiteral(dialect, cell.$bytes)
  if (isJsonCell(cell))
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `A JSON value cannot be compared with column ${column.name}`,
    })
  const text = String(cell)
  // A number came from a numeric value, whatever the declared type (SQLite stores numbers in any column).
  const bare = numeral.test(text) && (typeof cell === 'number' || isNumeric(column))
  return bare ? text : quotedText(dialect, column, text)
}

/**
 * A value the user typed as a literal for comparing with the column: a
 * numeral is bare in a numeric column (exact, as above); true/false is
 * TRUE/FALSE in a boolean or integer column, and so are 1/0 in a boolean
 * one; `\x0a0b` or `0x0A0B` is bytes in a binary column; anything else is a
 * quoted string, and the server converts it or says why it cannot.
 */
export function typedLiteral(dialect: Dialect, column: TypedColumn, text: string): string {
  if (isNumeric(column) && numeral.test(text)) return text
  const truth = /^(?:(true|1)|false|0)$/i.exec(text)
  // MySQL's BOOLEAN is TINYINT(1), an integer to the catalog, so the words count there too.
  if (truth && ['boolean', 'integer'].includes(column.normalizedType))
    return truth[1] ? 'TRUE' : 'FALSE'
  // MySQL would read "abc" as 0 and "yes" as FALSE, and quietly match other rows.
  const numberColumn = isNumeric(column) || column.normalizedType === 'float'
  if (numberColumn && !floatNumeral.test(text)) throw notA(column, text, 'a number')
  if (column.normalizedType === 'boolean') throw notA(column, text, 'true, false, 1 or 0')
  const hex = column.normalizedType === 'binary' ? hexBytes.exec(text) : null
  if (hex) return bytesLiteral(dialect, Buffer.from(hex[1]!, 'hex').toString('base64'))
  return quotedText(dialect, column, text)
}

/** A float column also takes an exponent. */
const floatNumeral = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

function notA(column: TypedColumn, text: string, what: string): SluiceError {
  return new SluiceError({
    code: 'BAD_REQUEST',
    message: `Column ${column.name} holds ${column.normalizedType === 'boolean' ? 'booleans' : 'numbers'}: "${text.slice(0, 100)}" is not ${what}`,
  })
}

function isNumeric(column: TypedColumn): boolean {
  return numericFamilies.has(column.normalizedType)
}

function bytesLiteral(dialect: Dialect, b64: string): string {
  // The dialect's literal interpolates its argument, so nothing but base64 may reach it.
  if (!base64.test(b64))
    throw new SluiceError({ code: 'BAD_REQUEST', message: 'A binary value is not valid base64' })
  return dialect.preflight.bytesLiteral(b64)
}

/** Text as a quoted string literal; BAD_REQUEST where the dialect cannot hold it (NUL). */
export function quotedText(dialect: Dialect, column: TypedColumn, text: string): string {
  try {
    return dialect.quoteLiteral(text)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `A value compared with column ${column.name} holds the NUL character, which ${dialect.name} text cannot hold`,
    })
  }
}

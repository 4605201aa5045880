import { isBytesCell, isJsonCell, jsonText, type Cell } from '../../../shared/cells'
import { minifyJson } from '../../../shared/json/minifyJson'
import type { JsonValue } from '../../../shared/json/lookups'
import { base64ToBytes } from './hexDump'
import { isNumericType } from './cellDisplay'

/** What the value panel shows for one cell. */
export type ValueView =
  | { kind: 'null' }
  /**
   * A JSON cell, or text of a json-typed column that parses (`from` says which).
   * `text` is the document compact with its tokens as sent; `exact` is false
   * when `value` differs from it (digits a double cannot hold, a repeated key).
   */
  | { kind: 'json'; value: JsonValue; text: string; exact: boolean; from: 'json' | 'text' }
  | { kind: 'bytes'; bytes: Uint8Array }
  /** `length` counts characters (code points), not UTF-16 units. */
  | { kind: 'text'; text: string; length: number }
  /** Exactly as received: a double's shortest form, or the exact text of a big integer or decimal. */
  | { kind: 'number'; text: string }
  | { kind: 'boolean'; text: string }

export function valueView(cell: Cell, columnType: string): ValueView {
  if (cell === null) return { kind: 'null' }
  if (isJsonCell(cell)) return json(cell.$json as JsonValue, jsonText(cell), 'json')
  if (isBytesCell(cell)) return { kind: 'bytes', bytes: base64ToBytes(cell.$bytes) }
  if (typeof cell === 'number') return { kind: 'number', text: String(cell) }
  if (typeof cell === 'boolean') return { kind: 'boolean', text: String(cell) }
  if (/json/i.test(columnType)) {
    const value = parseJson(cell)
    if (value !== undefined) return json(value, minifyJson(cell), 'text')
  }
  // Engines send integers past 2^53 and exact decimals as text, to keep every digit.
  if (isNumericType(columnType) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cell))
    return { kind: 'number', text: cell }
  return { kind: 'text', text: cell, length: [...cell].length }
}

function json(value: JsonValue, text: string, from: 'json' | 'text'): ValueView {
  return { kind: 'json', value, text, exact: JSON.stringify(value) === text, from }
}

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue
  } catch {
    return undefined
  }
}

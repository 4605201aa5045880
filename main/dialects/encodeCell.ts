import type { Cell } from '../../shared/cells'
import { minifyJson } from '../../shared/json/minifyJson'

/** Binary values travel as base64 so both transports can carry them as JSON. */
export function bytesCell(bytes: Uint8Array): Cell {
  return {
    $bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  }
}

/**
 * Parses a JSON document; text that is not valid JSON stays text rather than
 * failing the row. When the parsed value would print differently from the
 * document (digits a double cannot hold, a repeated key, an escape), the
 * document's own compact text rides along as `$text`.
 */
export function jsonCell(text: string): Cell {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return text
  }
  const printed = JSON.stringify(parsed)
  // Text already compact (SQLite's json(), most MySQL documents) needs no second pass.
  if (printed === text) return { $json: parsed }
  const compact = minifyJson(text)
  return printed === compact ? { $json: parsed } : { $json: parsed, $text: compact }
}

/** JSON has no NaN or Infinity, so those stay text. */
export function floatCell(value: number): Cell {
  return Number.isFinite(value) ? value : String(value)
}

/** Integers are numbers while exact in a double, and exact strings beyond. */
export function integerCell(value: bigint): Cell {
  // One conversion and a range test on the double: cheaper than comparing BigInts, and this runs per cell.
  const number = Number(value)
  return Number.isSafeInteger(number) ? number : value.toString()
}

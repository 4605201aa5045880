import type { Cell } from '../../shared/cells'

/** Binary values travel as base64 so both transports can carry them as JSON. */
export function bytesCell(bytes: Uint8Array): Cell {
  return {
    $bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  }
}

/** Parses a JSON document; text that is not valid JSON stays text rather than failing the row. */
export function jsonCell(text: string): Cell {
  try {
    return { $json: JSON.parse(text) as unknown }
  } catch {
    return text
  }
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

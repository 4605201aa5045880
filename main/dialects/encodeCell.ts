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
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString()
}

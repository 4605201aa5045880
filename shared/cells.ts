import { z } from 'zod'

/**
 * A result cell in a form that survives JSON on both transports without losing
 * anything: integers beyond 2^53 and exact numerics are strings, binary is
 * tagged base64, and JSON documents are tagged so that a JSON string value is
 * never confused with a text column.
 */
export type Cell = null | boolean | number | string | BytesCell | JsonCell

export interface BytesCell {
  $bytes: string
}

export interface JsonCell {
  $json: unknown
  /**
   * The document as the server sent it, whitespace between tokens removed,
   * present only when parsing changed it: an integer beyond 2^53, `1.10`, a
   * repeated key. Text, copies and exports use it so nothing is rounded away.
   */
  $text?: string
}

export const cellSchema: z.ZodType<Cell> = z.union([
  z.null(),
  z.boolean(),
  z.number(),
  z.string(),
  z.object({ $bytes: z.string() }).strict(),
  z.object({ $json: z.unknown(), $text: z.string().optional() }).strict(),
]) as z.ZodType<Cell>

export function isBytesCell(cell: Cell): cell is BytesCell {
  return typeof cell === 'object' && cell !== null && '$bytes' in cell
}

export function isJsonCell(cell: Cell): cell is JsonCell {
  return typeof cell === 'object' && cell !== null && '$json' in cell
}

/** A JSON cell as compact JSON text, digits and keys as the server sent them. */
export function jsonText(cell: JsonCell): string {
  return cell.$text ?? JSON.stringify(cell.$json)
}

/** The plain JSON form used by `sluice query --json`: JSON documents inline, bytes as \x-hex. */
export function cellToJsonValue(cell: Cell): unknown {
  if (isJsonCell(cell)) return cell.$json
  if (isBytesCell(cell)) return '\\x' + base64ToHex(cell.$bytes)
  return cell
}

/** How the grid prints a cell; NULL is styled separately by the caller. */
export function cellToText(cell: Cell, maxLength = 500): string {
  let text: string
  if (cell === null) text = 'NULL'
  else if (isJsonCell(cell)) text = jsonText(cell)
  else if (isBytesCell(cell)) text = '\\x' + base64ToHex(cell.$bytes)
  else text = String(cell)
  return text.length > maxLength ? text.slice(0, maxLength) + '…' : text
}

function base64ToHex(b64: string): string {
  const binary = atob(b64)
  let hex = ''
  for (let i = 0; i < binary.length; i++) hex += binary.charCodeAt(i).toString(16).padStart(2, '0')
  return hex
}

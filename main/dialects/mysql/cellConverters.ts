import mysql, { type FieldPacket } from 'mysql2'
import type { Cell } from '../../../shared/cells'
import { bytesCell, floatCell, jsonCell } from '../encodeCell'

type Converter = (value: unknown) => Cell

// mysql2 exposes Types both ways (name → code and code → name) and leaves it out of its typings.
const types = (mysql as unknown as { Types: Record<string, number | string> }).Types
const jsonTypeCode = types.JSON as number
const typeNames = new Map(
  Object.entries(types).flatMap(([code, name]) =>
    typeof name === 'string' ? [[Number(code), name.toLowerCase()] as const] : [],
  ),
)

/** MariaDB stores JSON as LONGTEXT; its extended metadata still says "json". */
function isJson(field: FieldPacket): boolean {
  return field.columnType === jsonTypeCode || field.extendedFormat === 'json'
}

export function columnTypeName(field: FieldPacket): string {
  if (isJson(field)) return 'json'
  if (field.extendedTypeName) return field.extendedTypeName
  return typeNames.get(field.columnType ?? -1) ?? 'unknown'
}

const passThrough: Converter = (value) => {
  if (value === null || value === undefined) return null
  if (Buffer.isBuffer(value)) return bytesCell(value)
  if (typeof value === 'number') return floatCell(value)
  return value as Cell
}

const json: Converter = (value) =>
  typeof value === 'string' ? jsonCell(value) : passThrough(value)

/**
 * One converter per column, chosen once from the result's metadata. The
 * connection asks for big numbers, decimals and dates as strings and JSON as
 * text, so the only work left per value is tagging JSON and binary.
 */
export function convertersFor(fields: FieldPacket[]): Converter[] {
  return fields.map((field) => (isJson(field) ? json : passThrough))
}

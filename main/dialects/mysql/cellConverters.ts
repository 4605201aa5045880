import mysql, { type FieldPacket } from 'mysql2'
import type { Cell } from '../../../shared/cells'
import { bytesCell, floatCell, jsonCell } from '../encodeCell'

type Converter = (value: unknown) => Cell

// mysql2 exposes Types both ways (name → code and code → name) and leaves it out of its typings.
const types = (mysql as unknown as { Types: Record<string, number | string> }).Types
const jsonTypeCode = types.JSON as number

/** MariaDB stores JSON as LONGTEXT; its extended metadata still says "json". */
function isJson(field: FieldPacket): boolean {
  return field.columnType === jsonTypeCode || field.extendedFormat === 'json'
}

const passThrough: Converter = (value) => {
  if (value === null || value === undefined) return null
  if (Buffer.isBuffer(value)) return bytesCell(value)
  if (typeof value === 'number') return floatCell(value)
  return value as Cell
}

const json: Converter = (value) =>
  typeof value === 'string' ? jsonCell(value) : passThrough(value)

/** Types mysql2 always returns as a string, a number or null under the connection's options. */
const plainTypes = new Set(
  [
    'DECIMAL',
    'NEWDECIMAL',
    'TINY',
    'SHORT',
    'LONG',
    'LONGLONG',
    'INT24',
    'FLOAT',
    'DOUBLE',
    'DATE',
    'NEWDATE',
    'DATETIME',
    'TIMESTAMP',
    'TIME',
    'YEAR',
  ].map((name) => types[name] as number),
)
const textTypes = new Set(
  [
    'VARCHAR',
    'VAR_STRING',
    'STRING',
    'BLOB',
    'TINY_BLOB',
    'MEDIUM_BLOB',
    'LONG_BLOB',
    'ENUM',
    'SET',
  ].map((name) => types[name] as number),
)
/** The character set MySQL reports for bytes; such text columns come back as Buffers. */
const binaryCharset = 63

/** A value of this column is already a cell: no JSON to tag, no bytes to encode. */
function isPlain(field: FieldPacket): boolean {
  const type = field.columnType ?? -1
  if (isJson(field)) return false
  return plainTypes.has(type) || (textTypes.has(type) && field.characterSet !== binaryCharset)
}

/**
 * One converter per column, chosen once from the result's metadata, or none
 * when every column's values are cells as they come. The connection asks for
 * big numbers, decimals and dates as strings and JSON as text, so the only
 * work left per value is tagging JSON and binary; most results need none,
 * and their rows are passed on without being copied.
 */
export function convertersFor(fields: FieldPacket[]): Converter[] | undefined {
  if (fields.every(isPlain)) return undefined
  return fields.map((field) => (isJson(field) ? json : passThrough))
}

import mysql, { type FieldPacket } from 'mysql2'

/** What naming a result column needs to know about its server and session. */
export interface TypeContext {
  /** Bytes per character at most, by collation id: text lengths in result metadata are in bytes. */
  charsetWidths: ReadonlyMap<number, number>
  /**
   * The server prints integer display widths (`int(11)`): MariaDB does, and
   * MySQL before 8.0.19, which stopped except for tinyint(1) and ZEROFILL
   * ("Changes in MySQL 8.0.19", display width deprecation).
   */
  displayWidths: boolean
}

// mysql2 leaves its Types and flag constants out of its typings.
const types = (mysql as unknown as { Types: Record<string, number> }).Types
const flag = { unsigned: 32, zerofill: 64, enum: 256, set: 2048 } as const

/** The character set number that means bytes, not text. */
const binaryCharset = 63

/** Decimals at or above this mean "not fixed" (NOT_FIXED_DEC is 31 in MySQL, 39 in MariaDB). */
const notFixedDecimals = 31

const integerNames = new Map<number, string>([
  [types.TINY!, 'tinyint'],
  [types.SHORT!, 'smallint'],
  [types.INT24!, 'mediumint'],
  [types.LONG!, 'int'],
  [types.LONGLONG!, 'bigint'],
])
const temporalNames = new Map<number, string>([
  [types.DATETIME!, 'datetime'],
  [types.TIMESTAMP!, 'timestamp'],
  [types.TIME!, 'time'],
])
const blobTypes = new Set(
  [types.TINY_BLOB, types.MEDIUM_BLOB, types.LONG_BLOB, types.BLOB].map(Number),
)

/**
 * The BLOB family by the metadata's length in bytes: each size's maximum
 * (255, 65535, 16777215, 2^32 − 1 bytes) times at most 4 bytes a character,
 * ranges that never overlap, so no character set is needed to tell them apart.
 */
const blobSizes: [maxBytes: number, prefix: string][] = [
  [255 * 4, 'tiny'],
  [65535 * 4, ''],
  [16777215 * 4, 'medium'],
]

/** Whether a result has ENUM or SET columns, whose values the protocol leaves out. */
export function isEnumOrSet(field: FieldPacket): boolean {
  return (flags(field) & (flag.enum | flag.set)) !== 0
}

/**
 * A result column's type as information_schema's COLUMN_TYPE spells it
 * (`int unsigned`, `varchar(60)`, `decimal(10,2)`, `datetime(3)`,
 * `longtext`), from the field metadata alone. ENUM and SET say `enum` and
 * `set`: their values are not in the protocol. A character column whose
 * character set is unknown says `varchar` without a length rather than a
 * wrong one.
 */
export function columnType(field: FieldPacket, context: TypeContext): string {
  const type = field.columnType ?? -1
  const length = field.columnLength ?? 0
  const decimals = field.decimals
  const bits = flags(field)
  const binary = field.characterSet === binaryCharset
  // MariaDB stores JSON as LONGTEXT; its extended metadata still says "json".
  if (type === types.JSON || field.extendedFormat === 'json') return 'json'
  if (field.extendedTypeName) return field.extendedTypeName
  const integer = integerNames.get(type)
  if (integer !== undefined) {
    const width =
      context.displayWidths || (bits & flag.zerofill) !== 0 || (type === types.TINY && length === 1)
    return `${integer}${width ? `(${length})` : ''}${numericFlags(bits)}`
  }
  if (type === types.NEWDECIMAL || type === types.DECIMAL) {
    // The length counts a sign unless unsigned and a point when there are decimals.
    const unsigned = (bits & flag.unsigned) !== 0
    const precision = length - (decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1)
    return `decimal(${precision},${decimals})${numericFlags(bits)}`
  }
  if (type === types.FLOAT || type === types.DOUBLE) {
    const name = type === types.FLOAT ? 'float' : 'double'
    const size = decimals < notFixedDecimals ? `(${length},${decimals})` : ''
    return `${name}${size}${numericFlags(bits)}`
  }
  const temporal = temporalNames.get(type)
  if (temporal !== undefined)
    return decimals > 0 && decimals <= 6 ? `${temporal}(${decimals})` : temporal
  if (type === types.DATE || type === types.NEWDATE) return 'date'
  if (type === types.YEAR) return context.displayWidths ? `year(${length})` : 'year'
  if (type === types.BIT) return `bit(${length})`
  if (type === types.STRING || type === types.VAR_STRING || type === types.VARCHAR) {
    if (bits & flag.enum) return 'enum'
    if (bits & flag.set) return 'set'
    const fixed = type === types.STRING
    if (binary) return `${fixed ? 'binary' : 'varbinary'}(${length})`
    const name = fixed ? 'char' : 'varchar'
    const width = context.charsetWidths.get(field.characterSet ?? -1)
    return width === undefined ? name : `${name}(${Math.floor(length / width)})`
  }
  if (blobTypes.has(type)) {
    const prefix = blobSizes.find(([maxBytes]) => length <= maxBytes)?.[1] ?? 'long'
    return `${prefix}${binary ? 'blob' : 'text'}`
  }
  if (type === types.GEOMETRY) return 'geometry'
  return mysqlTypeName(type)
}

function flags(field: FieldPacket): number {
  return typeof field.flags === 'number' ? field.flags : 0
}

function numericFlags(bits: number): string {
  if (bits & flag.zerofill) return ' unsigned zerofill'
  return bits & flag.unsigned ? ' unsigned' : ''
}

const typeNames = new Map(
  Object.entries(types).flatMap(([name, code]) =>
    typeof code === 'number' ? [[code, name.toLowerCase()] as const] : [],
  ),
)

/** The protocol's own name, for a type not spelled out above (NULL, VECTOR). */
function mysqlTypeName(type: number): string {
  return typeNames.get(type) ?? 'unknown'
}

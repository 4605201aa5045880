import type pg from 'pg'

/** Each pg_type OID's name as format_type prints it for a column without a modifier, and the element OID of array types. */
export interface TypeNames {
  names: Map<number, string>
  elements: Map<number, number>
}

/**
 * A result column always carries a modifier, -1 when it has none, and
 * format_type(oid, -1) is what introspection's format_type(atttypid,
 * atttypmod) prints for such a column: it says `bpchar` and `"bit"` where
 * format_type(oid, NULL) says `character` and `bit`, which mean character(1)
 * and bit(1).
 */
const typeNamesSql = `SELECT oid::int8 AS oid, format_type(oid, -1) AS name, typelem::int8 AS elem FROM pg_type`

/** OIDs of the built-in types whose modifier format_type spells out (src/include/catalog/pg_type.dat). */
const oids = {
  bit: 1560,
  varbit: 1562,
  bpchar: 1042,
  varchar: 1043,
  numeric: 1700,
  time: 1083,
  timetz: 1266,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
} as const

/** The varlena header that character types count in their modifier (VARHDRSZ). */
const varlenaHeader = 4

/**
 * Interval field names by the mask of fields in the modifier's upper half:
 * MONTH = 1, YEAR = 2, DAY = 3, HOUR = 10, MINUTE = 11, SECOND = 12 in
 * src/include/utils/datetime.h, as intervaltypmodout in
 * src/backend/utils/adt/timestamp.c names them; 0x7FFF is every field.
 */
const intervalFields = new Map<number, string>(
  (
    [
      [[2], ' year'],
      [[1], ' month'],
      [[3], ' day'],
      [[10], ' hour'],
      [[11], ' minute'],
      [[12], ' second'],
      [[2, 1], ' year to month'],
      [[3, 10], ' day to hour'],
      [[3, 10, 11], ' day to minute'],
      [[3, 10, 11, 12], ' day to second'],
      [[10, 11], ' hour to minute'],
      [[10, 11, 12], ' hour to second'],
      [[11, 12], ' minute to second'],
    ] as const
  ).map(([fields, name]) => [fields.reduce((mask, field) => mask | (1 << field), 0), name]),
)
const intervalFullRange = 0x7fff
const intervalFullPrecision = 0xffff

/** Reads every type's name; run again after DDL, so a type created since is named rather than numbered. */
export async function loadTypeNames(client: pg.Client): Promise<TypeNames> {
  const { rows } = await client.query<{ oid: string; name: string; elem: string }>(typeNamesSql)
  const names = new Map<number, string>()
  const elements = new Map<number, number>()
  for (const row of rows) {
    const oid = Number(row.oid)
    names.set(oid, row.name)
    // format_type decides what is an array (not a domain, not fixed-length like point): its name ends in [].
    if (row.elem !== '0' && row.name.endsWith('[]')) elements.set(oid, Number(row.elem))
  }
  return { names, elements }
}

/**
 * A result column's type as format_type(oid, typmod) prints it, with the
 * modifier of the parameterised built-in types decoded locally (each type's
 * typmodout function in src/backend/utils/adt/: anychar_typmodout in
 * varchar.c, numerictypmodout in numeric.c, anytime_typmodout in date.c,
 * anytimestamp_typmodout and intervaltypmodout in timestamp.c,
 * bittypmodout and varbittypmodout in varbit.c). An array's modifier is its
 * element's. Another type's modifier (an extension's) is left out: its name
 * without it is less precise, never wrong. Null for an OID not loaded.
 */
export function typeName(types: TypeNames, oid: number, typmod: number): string | null {
  const element = types.elements.get(oid)
  if (element !== undefined) {
    const name = typeName(types, element, typmod)
    return name === null ? null : `${name}[]`
  }
  const plain = types.names.get(oid) ?? null
  if (typmod < 0) return plain
  switch (oid) {
    case oids.varchar:
      return `character varying(${typmod - varlenaHeader})`
    case oids.bpchar:
      return `character(${typmod - varlenaHeader})`
    case oids.numeric: {
      const packed = typmod - varlenaHeader
      // The scale is an 11-bit signed field since PostgreSQL 15 allowed negative scales.
      const scale = ((packed & 0x7ff) ^ 1024) - 1024
      return `numeric(${(packed >> 16) & 0xffff},${scale})`
    }
    case oids.bit:
      return `bit(${typmod})`
    case oids.varbit:
      return `bit varying(${typmod})`
    case oids.time:
      return `time(${typmod}) without time zone`
    case oids.timetz:
      return `time(${typmod}) with time zone`
    case oids.timestamp:
      return `timestamp(${typmod}) without time zone`
    case oids.timestamptz:
      return `timestamp(${typmod}) with time zone`
    case oids.interval: {
      const range = (typmod >> 16) & intervalFullRange
      const precision = typmod & intervalFullPrecision
      const fields = range === intervalFullRange ? '' : (intervalFields.get(range) ?? '')
      return precision === intervalFullPrecision
        ? `interval${fields}`
        : `interval${fields}(${precision})`
    }
    default:
      return plain
  }
}

import type { NormalizedType } from '../../../shared/schema/model'

const byName: Record<string, NormalizedType> = {
  bool: 'boolean',
  int2: 'integer',
  int4: 'integer',
  int8: 'bigint',
  numeric: 'decimal',
  float4: 'float',
  float8: 'float',
  money: 'decimal',
  text: 'text',
  varchar: 'text',
  bpchar: 'text',
  name: 'text',
  citext: 'text',
  bytea: 'binary',
  date: 'date',
  time: 'time',
  timetz: 'time',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  interval: 'interval',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'json',
}

/** pg_type's name, kind (`typtype`) and category (`typcategory`) → the neutral family. */
export function normalizeType(
  typname: string,
  typtype: string,
  typcategory: string,
): NormalizedType {
  if (typtype === 'e') return 'enum'
  if (typcategory === 'A') return 'array'
  return byName[typname] ?? 'other'
}

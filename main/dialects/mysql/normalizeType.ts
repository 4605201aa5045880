import type { NormalizedType } from '../../../shared/schema/model'

const byDataType: Record<string, NormalizedType> = {
  tinyint: 'integer',
  smallint: 'integer',
  mediumint: 'integer',
  int: 'integer',
  bigint: 'bigint',
  decimal: 'decimal',
  float: 'float',
  double: 'float',
  char: 'text',
  varchar: 'text',
  tinytext: 'text',
  text: 'text',
  mediumtext: 'text',
  longtext: 'text',
  binary: 'binary',
  varbinary: 'binary',
  tinyblob: 'binary',
  blob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
  date: 'date',
  time: 'time',
  datetime: 'timestamp',
  timestamp: 'timestamptz',
  json: 'json',
  enum: 'enum',
  uuid: 'uuid',
}

/** information_schema's DATA_TYPE → the neutral family. */
export function normalizeType(dataType: string): NormalizedType {
  return byDataType[dataType.toLowerCase()] ?? 'other'
}

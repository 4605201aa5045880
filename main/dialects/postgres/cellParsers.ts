import pg from 'pg'
import type { Cell } from '../../../shared/cells'
import { bytesCell, floatCell, jsonCell } from '../encodeCell'

/**
 * Text-format parsers keyed by type OID. Everything not listed stays the
 * server's own text: int8 and numeric keep every digit, timestamps are not
 * shifted into Node's time zone, arrays and ranges read as PostgreSQL prints
 * them.
 */
const byOid: Record<number, (text: string) => Cell> = {
  16: (text) => text === 't',
  21: Number,
  23: Number,
  26: Number,
  700: (text) => floatCell(Number(text)),
  701: (text) => floatCell(Number(text)),
  114: jsonCell,
  3802: jsonCell,
  17: (text) => bytesCell(pg.types.getTypeParser(17, 'text')(text) as Buffer),
}

const keepText = (text: string): Cell => text

export const cellTypes = {
  getTypeParser: (oid: number) => byOid[oid] ?? keepText,
}

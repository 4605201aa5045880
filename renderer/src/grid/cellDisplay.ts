import { cellToText, isBytesCell, isJsonCell, type Cell } from '../../../shared/cells'

export type CellKind = 'null' | 'json' | 'bytes' | 'number' | 'boolean' | 'string'

/** Characters a cell shows: wider than any column, short enough that a window of rows stays light. */
const displayLength = 300

/**
 * Words of a column type that mean a number, whatever the dialect spells
 * around them (`int4`, `double precision`, `bigint unsigned`, `numeric(10,2)`).
 */
const numericWords = new Set([
  'int',
  'integer',
  'bigint',
  'smallint',
  'tinyint',
  'mediumint',
  'serial',
  'bigserial',
  'smallserial',
  'numeric',
  'decimal',
  'real',
  'double',
  'float',
  'money',
])

export function cellKind(cell: Cell): CellKind {
  if (cell === null) return 'null'
  if (isJsonCell(cell)) return 'json'
  if (isBytesCell(cell)) return 'bytes'
  return typeof cell === 'number' ? 'number' : typeof cell === 'boolean' ? 'boolean' : 'string'
}

/** A cell as the grid prints it: JSON compact, binary as \x-hex, long text cut (the value panel shows it whole). */
export function displayText(cell: Cell): string {
  return cellToText(cell, displayLength)
}

export function isNumericType(type: string): boolean {
  return type
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((word) => numericWords.has(word))
}

import type { Cell } from '../../../shared/cells'
import { copyFormatNames, formatCopy, type CopyFormat, type CopyTarget } from './copyFormats'
import type { GridColumn, GridSource } from './GridSource'
import type { CellRange } from './selection'

/** A clipboard holds this many rows; more is a job for Export, which streams to a file. */
export const maxCopyRows = 100_000

export interface CopyRequest {
  source: GridSource
  columns: readonly GridColumn[]
  /** Display order: each shown column's index into `columns`. */
  display: readonly number[]
  range: CellRange
  format: CopyFormat
  target?: CopyTarget
}

export type CopyOutcome = { text: string; summary: string } | { refused: string }

/**
 * The text for a copied range and a line saying what it holds. Rows already
 * in the grid's pages are read there; otherwise they are fetched with
 * `source.rows`, which leaves the pages in view alone. Over `maxCopyRows` rows
 * it copies nothing and says to export instead.
 */
export async function copyRange(request: CopyRequest): Promise<CopyOutcome> {
  const { source, range, format } = request
  const rowCount = range.bottom - range.top + 1
  if (rowCount > maxCopyRows)
    return {
      refused: `Nothing copied: ${count(rowCount, 'row')} is more than the ${maxCopyRows.toLocaleString('en-US')} a copy can hold. Use Export… to save them to a file.`,
    }
  const indices = request.display.slice(range.left, range.right + 1)
  const columns = indices.map((i) => request.columns[i]!)
  const rows = (await readRows(source, range.top, range.bottom + 1)).map((row) =>
    indices.map((i) => row[i] ?? null),
  )
  return {
    text: formatCopy(format, columns, rows, request.target),
    summary: `Copied ${count(rows.length, 'row')} × ${count(columns.length, 'column')} as ${copyFormatNames[format]}`,
  }
}

/** Rows start..end (exclusive): from the loaded pages when every one is there, else fetched. */
export async function readRows(source: GridSource, start: number, end: number): Promise<Cell[][]> {
  const rows: Cell[][] = []
  for (let index = start; index < end; index++) {
    const row = source.row(index)
    if (!row) return source.rows(start, end)
    rows.push(row)
  }
  return rows
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

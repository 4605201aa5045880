import type { Cell } from '../../../shared/cells'

/**
 * Where a grid's rows come from. The grid never holds rows itself: it asks for
 * the ones in view and reads them back when `version` changes, so a result of
 * any size costs the grid only its window.
 */
export interface GridSource {
  /** Changes whenever rows arrive, so a subscribed grid redraws. */
  readonly version: number
  subscribe(listener: () => void): () => void
  /** The row if its page is here; undefined until `want` fetched it. */
  row(index: number): Cell[] | undefined
  /** Asks for rows start..end (exclusive) that are not here yet. */
  want(start: number, end: number): void
  /** Rows start..end (exclusive), fetched as needed without disturbing the page cache: for copying a range. */
  rows(start: number, end: number): Promise<Cell[][]>
}

export interface GridColumn {
  name: string
  type: string
}

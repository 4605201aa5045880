import type { Cell } from '../../shared/cells'

/**
 * One batch of a statement's rows, held either as cells or as the JSON text
 * of those cells, each made from the other only when someone asks. The
 * result spill wants text and the CLI and exports want cells; a dialect that
 * encodes in another process (SQLite's child) hands over text, so the main
 * thread neither copies cells across nor stringifies them again.
 */
export class RowBatch {
  readonly kind = 'rows' as const
  private cells: Cell[][] | undefined
  private text: string | undefined

  private constructor(
    readonly count: number,
    cells: Cell[][] | undefined,
    text: string | undefined,
  ) {
    this.cells = cells
    this.text = text
  }

  static ofCells(rows: Cell[][]): RowBatch {
    return new RowBatch(rows.length, rows, undefined)
  }

  /** `json` must be the JSON array of `count` rows of cells. */
  static ofJson(json: string, count: number): RowBatch {
    return new RowBatch(count, undefined, json)
  }

  get rows(): Cell[][] {
    this.cells ??= JSON.parse(this.text!) as Cell[][]
    return this.cells
  }

  get json(): string {
    this.text ??= JSON.stringify(this.cells)
    return this.text
  }
}

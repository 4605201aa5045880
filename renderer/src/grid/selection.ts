/** A cell by row index and display column (the position among shown columns). */
export interface CellPoint {
  row: number
  column: number
}

/**
 * A rectangular selection: the range from `anchor` to `extent`, and the active
 * cell, the one focus and the value panel follow. Shift+arrows and Shift+click
 * move `extent` while the active cell stays, as in spreadsheets; Ctrl+A keeps
 * the active cell where it is, which is why it is not always a corner.
 */
export interface GridSelection {
  active: CellPoint
  anchor: CellPoint
  extent: CellPoint
}

/** Inclusive bounds of a selection. */
export interface CellRange {
  top: number
  left: number
  bottom: number
  right: number
}

export interface GridBounds {
  rows: number
  columns: number
}

export type GridMove =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  /** Home and End: the first or last cell of the row. */
  | 'rowStart'
  | 'rowEnd'
  /** Ctrl+Up and Ctrl+Down: the first or last row of the column. */
  | 'columnStart'
  | 'columnEnd'
  /** Ctrl+Home and Ctrl+End: the first or last cell of the grid. */
  | 'gridStart'
  | 'gridEnd'

export function cellSelection(point: CellPoint): GridSelection {
  return { active: point, anchor: point, extent: point }
}

/** The range from the active cell to `point`. */
export function extendTo(selection: GridSelection, point: CellPoint): GridSelection {
  return { active: selection.active, anchor: selection.active, extent: point }
}

/** Whole rows `from` to `to` (either order); the active cell is in row `from`'s first column. */
export function rowsSelection(from: number, to: number, bounds: GridBounds): GridSelection {
  const active = { row: from, column: 0 }
  return { active, anchor: active, extent: { row: to, column: Math.max(0, bounds.columns - 1) } }
}

/** Every cell, the active one kept where it is. */
export function selectAll(selection: GridSelection | null, bounds: GridBounds): GridSelection {
  return {
    active: selection?.active ?? { row: 0, column: 0 },
    anchor: { row: 0, column: 0 },
    extent: { row: Math.max(0, bounds.rows - 1), column: Math.max(0, bounds.columns - 1) },
  }
}

export function selectionRange({ anchor, extent }: GridSelection): CellRange {
  return {
    top: Math.min(anchor.row, extent.row),
    bottom: Math.max(anchor.row, extent.row),
    left: Math.min(anchor.column, extent.column),
    right: Math.max(anchor.column, extent.column),
  }
}

export function inRange(range: CellRange, row: number, column: number): boolean {
  return row >= range.top && row <= range.bottom && column >= range.left && column <= range.right
}

/** The selection kept inside the grid after rows or columns went away; null for an empty grid. */
export function clampSelection(
  selection: GridSelection | null,
  bounds: GridBounds,
): GridSelection | null {
  if (!selection || bounds.rows === 0 || bounds.columns === 0) return null
  const clamp = (point: CellPoint): CellPoint => ({
    row: Math.min(point.row, bounds.rows - 1),
    column: Math.min(point.column, bounds.columns - 1),
  })
  const clamped = {
    active: clamp(selection.active),
    anchor: clamp(selection.anchor),
    extent: clamp(selection.extent),
  }
  const same = (['active', 'anchor', 'extent'] as const).every(
    (corner) =>
      clamped[corner].row === selection[corner].row &&
      clamped[corner].column === selection[corner].column,
  )
  return same ? selection : clamped
}

/**
 * A keyboard move: without `extend` the active cell moves and the selection
 * collapses onto it; with it (Shift) the extent moves and the active cell
 * stays. `pageRows` is how many rows PageUp/PageDown travel.
 */
export function moveSelection(
  selection: GridSelection,
  move: GridMove,
  bounds: GridBounds,
  pageRows: number,
  extend: boolean,
): GridSelection {
  const from = extend ? selection.extent : selection.active
  const to = step(from, move, bounds, pageRows)
  return extend ? extendTo(selection, to) : cellSelection(to)
}

function step(from: CellPoint, move: GridMove, bounds: GridBounds, pageRows: number): CellPoint {
  const lastRow = Math.max(0, bounds.rows - 1)
  const lastColumn = Math.max(0, bounds.columns - 1)
  const row = (r: number) => ({ row: Math.min(lastRow, Math.max(0, r)), column: from.column })
  const column = (c: number) => ({ row: from.row, column: Math.min(lastColumn, Math.max(0, c)) })
  switch (move) {
    case 'up':
      return row(from.row - 1)
    case 'down':
      return row(from.row + 1)
    case 'left':
      return column(from.column - 1)
    case 'right':
      return column(from.column + 1)
    case 'pageUp':
      return row(from.row - pageRows)
    case 'pageDown':
      return row(from.row + pageRows)
    case 'rowStart':
      return column(0)
    case 'rowEnd':
      return column(lastColumn)
    case 'columnStart':
      return row(0)
    case 'columnEnd':
      return row(lastRow)
    case 'gridStart':
      return { row: 0, column: 0 }
    case 'gridEnd':
      return { row: lastRow, column: lastColumn }
  }
}

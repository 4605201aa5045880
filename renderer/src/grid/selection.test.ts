import { describe, expect, it } from 'vitest'
import {
  cellSelection,
  clampSelection,
  extendTo,
  inRange,
  moveSelection,
  rowsSelection,
  selectAll,
  selectionRange,
  type GridMove,
} from './selection'

const bounds = { rows: 100, columns: 5 }
const at = (row: number, column: number) => ({ row, column })

describe('selection', () => {
  it('a range is the rectangle between anchor and extent, whichever way it was dragged', () => {
    const range = selectionRange(extendTo(cellSelection(at(5, 3)), at(2, 1)))
    expect(range).toEqual({ top: 2, bottom: 5, left: 1, right: 3 })
    expect(inRange(range, 2, 1)).toBe(true)
    expect(inRange(range, 5, 3)).toBe(true)
    expect(inRange(range, 6, 3)).toBe(false)
    expect(inRange(range, 3, 0)).toBe(false)
  })

  it.each<[GridMove, [number, number]]>([
    ['up', [9, 2]],
    ['down', [11, 2]],
    ['left', [10, 1]],
    ['right', [10, 3]],
    ['pageUp', [0, 2]],
    ['pageDown', [30, 2]],
    ['rowStart', [10, 0]],
    ['rowEnd', [10, 4]],
    ['columnStart', [0, 2]],
    ['columnEnd', [99, 2]],
    ['gridStart', [0, 0]],
    ['gridEnd', [99, 4]],
  ])('%s moves the active cell and collapses the range', (move, [row, column]) => {
    const moved = moveSelection(
      extendTo(cellSelection(at(10, 2)), at(12, 4)),
      move,
      bounds,
      20,
      false,
    )
    expect(moved).toEqual(cellSelection(at(row, column)))
  })

  it('stops at the edges', () => {
    expect(moveSelection(cellSelection(at(0, 0)), 'up', bounds, 20, false).active).toEqual(at(0, 0))
    expect(moveSelection(cellSelection(at(0, 0)), 'left', bounds, 20, false).active).toEqual(
      at(0, 0),
    )
    expect(moveSelection(cellSelection(at(99, 4)), 'pageDown', bounds, 20, false).active).toEqual(
      at(99, 4),
    )
  })

  it('Shift+moves carry the extent and keep the active cell', () => {
    let selection = cellSelection(at(3, 1))
    selection = moveSelection(selection, 'down', bounds, 20, true)
    selection = moveSelection(selection, 'down', bounds, 20, true)
    selection = moveSelection(selection, 'right', bounds, 20, true)
    expect(selection.active).toEqual(at(3, 1))
    expect(selectionRange(selection)).toEqual({ top: 3, bottom: 5, left: 1, right: 2 })
    selection = moveSelection(selection, 'rowEnd', bounds, 20, true)
    expect(selectionRange(selection)).toEqual({ top: 3, bottom: 5, left: 1, right: 4 })
  })

  it('selects whole rows, in either direction', () => {
    expect(selectionRange(rowsSelection(7, 4, bounds))).toEqual({
      top: 4,
      bottom: 7,
      left: 0,
      right: 4,
    })
    expect(rowsSelection(7, 4, bounds).active).toEqual(at(7, 0))
  })

  it('Ctrl+A selects everything and leaves the active cell in place', () => {
    const all = selectAll(cellSelection(at(40, 3)), bounds)
    expect(all.active).toEqual(at(40, 3))
    expect(selectionRange(all)).toEqual({ top: 0, bottom: 99, left: 0, right: 4 })
    expect(selectAll(null, bounds).active).toEqual(at(0, 0))
  })

  it('clamps a selection to a smaller grid, and drops it for an empty one', () => {
    const selection = extendTo(cellSelection(at(50, 4)), at(90, 2))
    expect(clampSelection(selection, bounds)).toBe(selection)
    expect(clampSelection(selection, { rows: 60, columns: 3 })).toEqual({
      active: at(50, 2),
      anchor: at(50, 2),
      extent: at(59, 2),
    })
    expect(clampSelection(selection, { rows: 0, columns: 3 })).toBeNull()
  })
})

import type { Cell } from '../../../shared/cells'
import { cellKind, displayText } from './cellDisplay'
import { inRange, type CellPoint, type CellRange } from './selection'

interface Props {
  index: number
  /** Where the row sits in the scrolled content, in CSS pixels. */
  top: number
  height: number
  /** Undefined while its page is on the way. */
  cells: Cell[] | undefined
  /** Each shown column's index into the row, in display order. */
  display: readonly number[]
  widths: readonly number[]
  /** Per shown column: its type is a number type, so its cells align right. */
  numeric: readonly boolean[]
  numberWidth: number
  totalWidth: number
  rowNumber: string
  range: CellRange | null
  active: CellPoint | null
  cellId(row: number, column: number): string
}

/**
 * One row: its number (a `rowheader`; pressing it selects the row) and one
 * `gridcell` per shown column. `data-row` and `data-col` tell the grid's
 * pointer handlers which cell was hit.
 */
export function GridRow(props: Props) {
  const { index, cells, display, widths, numeric, range, active } = props
  return (
    <div
      className="dg-row"
      role="row"
      aria-rowindex={index + 2}
      style={{
        transform: `translateY(${props.top}px)`,
        height: props.height,
        width: props.totalWidth,
      }}
    >
      <div
        className="dg-number"
        role="rowheader"
        aria-colindex={1}
        data-row={index}
        style={{ width: props.numberWidth }}
      >
        {props.rowNumber}
      </div>
      {display.map((source, column) => {
        const cell = cells ? (cells[source] ?? null) : undefined
        const selected = range !== null && inRange(range, index, column)
        const isActive = active?.row === index && active.column === column
        const kind = cell === undefined ? 'loading' : cellKind(cell)
        const right = numeric[column] || kind === 'number'
        return (
          <div
            key={source}
            id={props.cellId(index, column)}
            className={
              `dg-cell cell-${kind}` +
              (right ? ' dg-right' : '') +
              (selected ? ' dg-selected' : '') +
              (isActive ? ' dg-active' : '')
            }
            role="gridcell"
            aria-colindex={column + 2}
            aria-selected={selected}
            aria-busy={cell === undefined || undefined}
            // Read out apart from the text 'NULL', which a screen reader would otherwise say the same way.
            aria-description={kind === 'null' ? 'SQL NULL, no value' : undefined}
            data-row={index}
            data-col={column}
            style={{ width: widths[column] }}
          >
            {cell === undefined ? '…' : displayText(cell)}
          </div>
        )
      })}
    </div>
  )
}

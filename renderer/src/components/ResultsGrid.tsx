import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { cellToText, isBytesCell, isJsonCell, type Cell } from '../../../shared/cells'
import type { ColumnInfo } from '../../../shared/contract'

interface Props {
  columns: ColumnInfo[]
  rows: Cell[][]
  rowCount: number
}

const rowHeight = 24
const columnWidth = 180
const numberWidth = 64

/** Only the rows in view are in the DOM, so 100,000 rows scroll like 100. */
export function ResultsGrid({ columns, rows, rowCount }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 20,
  })
  const width = numberWidth + columns.length * columnWidth

  return (
    <div
      className="grid"
      ref={scroller}
      data-testid="results-grid"
      role="grid"
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
    >
      <div className="grid-header" style={{ width }} role="row">
        <div className="grid-number" style={{ width: numberWidth }} />
        {columns.map((column, i) => (
          <div
            key={i}
            className="grid-cell grid-column"
            style={{ width: columnWidth }}
            role="columnheader"
            title={`${column.name} (${column.type})`}
          >
            {column.name}
            <span className="grid-type">{column.type}</span>
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          return (
            <div
              key={item.key}
              className="grid-row"
              role="row"
              aria-rowindex={item.index + 2}
              style={{ transform: `translateY(${item.start}px)`, height: rowHeight, width }}
            >
              <div className="grid-number" style={{ width: numberWidth }}>
                {item.index + 1}
              </div>
              {row?.map((cell, i) => (
                <GridCell key={i} cell={cell} />
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}

function GridCell({ cell }: { cell: Cell }) {
  const kind =
    cell === null ? 'null' : isJsonCell(cell) ? 'json' : isBytesCell(cell) ? 'bytes' : typeof cell
  const text = cellToText(cell)
  return (
    <div
      className={`grid-cell cell-${kind}`}
      style={{ width: columnWidth }}
      role="gridcell"
      title={text}
    >
      {text}
    </div>
  )
}

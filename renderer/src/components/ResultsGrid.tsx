import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { cellToText, isBytesCell, isJsonCell, type Cell } from '../../../shared/cells'
import type { ColumnInfo } from '../../../shared/contract'
import type { ResultSet } from '../query/ResultSet'

interface Props {
  result: ResultSet
  columns: ColumnInfo[]
  rowCount: number
  /** Called when a cell is clicked; the grid marks it selected. */
  onSelectCell?(row: number, column: number): void
}

const rowHeight = 24
const columnWidth = 180
const numberWidth = 80
const overscan = 10
/**
 * Browsers cap an element's height (Chrome near 33 million pixels), and ten
 * million rows need 240 million. Past this height the scrollbar is scaled: its
 * whole travel maps onto the whole result, so the end is always reachable.
 */
const maxScrollHeight = 10_000_000

/** Only the rows in view are in the DOM, and only their pages are in memory. */
export function ResultsGrid({ result, columns, rowCount, onSelectCell }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const [selected, setSelected] = useState<[number, number] | null>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(600)
  const version = useSyncExternalStore(result.subscribe, () => result.version)

  useLayoutEffect(() => {
    const element = scroller.current!
    const observer = new ResizeObserver(() => setViewport(element.clientHeight - rowHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const contentHeight = rowCount * rowHeight
  const spacerHeight = Math.min(contentHeight, maxScrollHeight)
  const scrollRange = Math.max(0, spacerHeight - viewport)
  const contentRange = Math.max(0, contentHeight - viewport)
  const position = scrollRange > 0 ? Math.min(1, scrollTop / scrollRange) * contentRange : 0
  const first = Math.max(0, Math.floor(position / rowHeight) - overscan)
  const last = Math.min(rowCount, Math.ceil((position + viewport) / rowHeight) + overscan)

  useEffect(() => result.want(first, last), [result, first, last, rowCount, version])

  const width = numberWidth + columns.length * columnWidth
  const visible: number[] = []
  for (let index = first; index < last; index++) visible.push(index)

  return (
    <div
      className="grid"
      ref={scroller}
      data-testid="results-grid"
      role="grid"
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
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
      <div style={{ height: spacerHeight, width, position: 'relative' }}>
        {visible.map((index) => {
          const row = result.row(index)
          const top = scrollTop + index * rowHeight - position
          return (
            <div
              key={index}
              className="grid-row"
              role="row"
              aria-rowindex={index + 2}
              style={{ transform: `translateY(${top}px)`, height: rowHeight, width }}
            >
              <div className="grid-number" style={{ width: numberWidth }}>
                {(index + 1).toLocaleString('en-US')}
              </div>
              {row ? (
                row.map((cell, i) => (
                  <GridCell
                    key={i}
                    cell={cell}
                    selected={selected?.[0] === index && selected[1] === i}
                    onSelect={
                      onSelectCell &&
                      (() => {
                        setSelected([index, i])
                        onSelectCell(index, i)
                      })
                    }
                  />
                ))
              ) : (
                <div className="grid-cell grid-loading">…</div>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

function GridCell(props: { cell: Cell; selected: boolean; onSelect?: () => void }) {
  const { cell, selected, onSelect } = props
  const kind =
    cell === null ? 'null' : isJsonCell(cell) ? 'json' : isBytesCell(cell) ? 'bytes' : typeof cell
  const text = cellToText(cell)
  return (
    <div
      className={`grid-cell cell-${kind}`}
      style={{ width: columnWidth }}
      role="gridcell"
      title={text}
      aria-selected={onSelect ? selected : undefined}
      onClick={onSelect}
    >
      {text}
    </div>
  )
}

import { useRef, useState } from 'react'
import { maxColumnWidth, minColumnWidth, type GridLayout } from './GridLayout'
import type { GridColumn } from './GridSource'
import type { SortKey } from './sortCycle'

interface Props {
  columns: readonly GridColumn[]
  keys: readonly string[]
  /** Each shown column's index into `columns`, in display order. */
  display: readonly number[]
  /** Widths of the shown columns, and where each starts after the row numbers (one more: where the last ends), in CSS pixels. */
  widths: readonly number[]
  offsets: readonly number[]
  numberWidth: number
  totalWidth: number
  layout: GridLayout
  idPrefix: string
  sort?: readonly SortKey[]
  onSort?(column: string, additive: boolean): void
  /** A header click where the grid does not sort: selects the column (Shift: from the active one). */
  onSelectColumn(column: number, extend: boolean): void
  onSelectAll(): void
  onFit(key: string): void
  /** The column menu for a shown column, at viewport coordinates. */
  onColumnMenu(column: number, at: { x: number; y: number }): void
}

/** Pointer travel before a press on a header becomes a drag rather than a click. */
const dragThreshold = 4
/** Arrow keys on a resize handle move the edge this far; with Shift, five times as far. */
const keyStep = 10

type Press = { column: number; startX: number; dragging: boolean; drop: number }

/**
 * The sticky header row: a click sorts (or selects the column), a drag
 * reorders, the edge resizes (drag, arrows, double-click to fit), and a
 * right-click or the ⋮ button opens the column menu.
 */
export function GridHeader(props: Props) {
  const { columns, keys, display, widths, offsets, numberWidth, sort, onSort } = props
  const press = useRef<Press | null>(null)
  const [drop, setDrop] = useState<number | null>(null)

  const dropAt = (event: React.PointerEvent) => {
    const header = event.currentTarget.parentElement!.getBoundingClientRect()
    const x = event.clientX - header.left - numberWidth
    const index = widths.findIndex((width, i) => x < offsets[i]! + width / 2)
    return index < 0 ? widths.length : index
  }

  const headerPointer = {
    onPointerDown(event: React.PointerEvent<HTMLDivElement>, column: number) {
      if (event.button !== 0) return
      event.currentTarget.setPointerCapture(event.pointerId)
      press.current = { column, startX: event.clientX, dragging: false, drop: column }
    },
    onPointerMove(event: React.PointerEvent<HTMLDivElement>) {
      const current = press.current
      if (!current) return
      if (!current.dragging && Math.abs(event.clientX - current.startX) < dragThreshold) return
      current.dragging = true
      current.drop = dropAt(event)
      setDrop(current.drop)
    },
    onPointerUp(event: React.PointerEvent<HTMLDivElement>) {
      const current = press.current
      press.current = null
      setDrop(null)
      if (!current) return
      const key = keys[display[current.column]!]!
      if (current.dragging) props.layout.moveTo(keys, key, current.drop)
      else if (onSort) onSort(columns[display[current.column]!]!.name, event.shiftKey)
      else props.onSelectColumn(current.column, event.shiftKey)
    },
    onPointerCancel() {
      press.current = null
      setDrop(null)
    },
  }

  return (
    <div className="dg-head" role="rowgroup" style={{ width: props.totalWidth }}>
      <div className="dg-header-row" role="row" aria-rowindex={1}>
        <div
          className="dg-corner"
          role="columnheader"
          aria-label="Row number"
          aria-colindex={1}
          style={{ width: numberWidth }}
          title="Select all"
          onClick={props.onSelectAll}
        />
        {display.map((index, column) => {
          const { name, type } = columns[index]!
          const key = keys[index]!
          const sortAt = sort?.findIndex((s) => s.column === name) ?? -1
          const direction = sortAt >= 0 ? sort![sortAt]!.direction : null
          const typeId = `${props.idPrefix}-type-${column}`
          return (
            <div
              key={key}
              className="dg-header"
              role="columnheader"
              aria-label={name}
              aria-describedby={typeId}
              aria-colindex={column + 2}
              aria-sort={
                onSort
                  ? direction === 'asc'
                    ? 'ascending'
                    : direction === 'desc'
                      ? 'descending'
                      : 'none'
                  : undefined
              }
              data-key={key}
              style={{ width: widths[column] }}
              onPointerDown={(event) => headerPointer.onPointerDown(event, column)}
              onPointerMove={headerPointer.onPointerMove}
              onPointerUp={headerPointer.onPointerUp}
              onPointerCancel={headerPointer.onPointerCancel}
              onContextMenu={(event) => {
                event.preventDefault()
                props.onColumnMenu(column, { x: event.clientX, y: event.clientY })
              }}
            >
              <span className="dg-header-name">{name}</span>
              <span className="dg-header-type" id={typeId}>
                {type}
              </span>
              {direction && (
                <span className="dg-sort" aria-hidden="true">
                  {direction === 'asc' ? '▲' : '▼'}
                  {sort!.length > 1 ? sortAt + 1 : ''}
                </span>
              )}
              <button
                className="dg-header-menu"
                aria-label={`Column menu for ${name}`}
                aria-haspopup="menu"
                onPointerDown={(event) => event.stopPropagation()}
                onClick={(event) => {
                  const box = event.currentTarget.getBoundingClientRect()
                  props.onColumnMenu(column, { x: box.left, y: box.bottom })
                }}
              >
                ⋮
              </button>
              <ResizeHandle
                name={name}
                width={widths[column]!}
                onResize={(width) => props.layout.resize(key, width)}
                onFit={() => props.onFit(key)}
              />
            </div>
          )
        })}
      </div>
      {drop !== null && (
        <div
          className="dg-drop"
          aria-hidden="true"
          style={{ left: numberWidth + offsets[drop]! }}
        />
      )}
    </div>
  )
}

/** A column's right edge: a focusable splitter, as ARIA's window splitter pattern has it. */
function ResizeHandle(props: {
  name: string
  width: number
  onResize(width: number): void
  onFit(): void
}) {
  const start = useRef<{ x: number; width: number } | null>(null)
  return (
    <div
      className="dg-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${props.name}`}
      aria-valuenow={props.width}
      aria-valuemin={minColumnWidth}
      aria-valuemax={maxColumnWidth}
      // Out of the Tab order (one stop a column is enough: its menu button, whose menu resizes too); arrows work once focused.
      tabIndex={-1}
      onPointerDown={(event) => {
        event.stopPropagation()
        if (event.button !== 0) return
        event.currentTarget.setPointerCapture(event.pointerId)
        start.current = { x: event.clientX, width: props.width }
      }}
      onPointerMove={(event) => {
        event.stopPropagation()
        if (start.current) props.onResize(start.current.width + event.clientX - start.current.x)
      }}
      onPointerUp={(event) => {
        event.stopPropagation()
        start.current = null
      }}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => {
        event.stopPropagation()
        props.onFit()
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? keyStep * 5 : keyStep
        if (event.key === 'ArrowLeft') props.onResize(props.width - step)
        else if (event.key === 'ArrowRight') props.onResize(props.width + step)
        else if (event.key === 'Enter') props.onFit()
        else return
        event.preventDefault()
        event.stopPropagation()
      }}
    />
  )
}

import {
  useEffect,
  useEffectEvent,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type Ref,
} from 'react'
import { isNumericType } from './cellDisplay'
import { ColumnMenu } from './ColumnMenu'
import type { CopyTarget } from './copyFormats'
import { CopyMenu, type CopyChoice } from './CopyMenu'
import { fitWidth } from './fitColumn'
import { gridCommandFor } from './gridKeys'
import { GridHeader } from './GridHeader'
import { columnKeys, columnWidth, visibleColumns, type GridLayout } from './GridLayout'
import { GridRow } from './GridRow'
import type { GridColumn, GridSource } from './GridSource'
import { measureText } from './measureText'
import { rowHeight, rowTop, rowWindow, scrollTopToReveal } from './scrollWindow'
import {
  cellSelection,
  clampSelection,
  extendTo,
  inRange,
  moveSelection,
  rowsSelection,
  selectAll,
  selectionRange,
  type CellPoint,
  type GridSelection,
} from './selection'
import type { SortKey } from './sortCycle'
import { useGridCopy } from './useGridCopy'
import './grid.css'

export interface DataGridProps {
  source: GridSource
  columns: GridColumn[]
  rowCount: number
  /** The grid's accessible name. */
  label: string
  layout: GridLayout
  /** The number shown on the first row (a table's third page of 1,000 starts at 2,001). */
  firstRowNumber?: number
  sort?: readonly SortKey[]
  /** Given: a header click reports the column (Shift: `additive`), and its owner sorts (see `nextSort`). */
  onSort?(column: string, additive: boolean): void
  /** Given: the column menu sorts too (ascending, descending, added, removed), the keyboard's way to sort. */
  onSetSort?(sort: SortKey[]): void
  /** What Copy as SQL INSERT inserts into; a table named `result` when absent. */
  copyTarget?: CopyTarget
  /** The active cell moved: its row, and its column's index into `columns`. */
  onFocusCell?(row: number, column: number): void
  /** For a toolbar outside the grid: copy the selection, or put focus back in the grid. */
  handle?: Ref<GridHandle>
}

export interface GridHandle {
  /** Copies the selection; with none, every row (up to the copy limit). */
  copy(choice: CopyChoice): Promise<void>
  /** How many columns a copy would cover: the selection's, or all shown. */
  copyWidth(): number
  focus(): void
}

type OpenMenu =
  | { kind: 'copy'; at: { x: number; y: number } }
  | { kind: 'column'; column: number; at: { x: number; y: number } }

/** Horizontal padding and border around a row number, in CSS pixels. */
const numberChrome = 17

/**
 * A spreadsheet-like, accessible view of rows from a `GridSource`: range
 * selection by pointer and keyboard, copying in several formats, columns that
 * resize, move and hide. Only the rows in view are in the DOM and only their
 * pages in memory, so ten million rows cost what forty do.
 */
export function DataGrid(props: DataGridProps) {
  const { source, columns, rowCount, layout, firstRowNumber = 1 } = props
  const id = useId()
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(600)
  const [font, setFont] = useState('12px monospace')
  const [stored, setSelection] = useState<GridSelection | null>(null)
  const [menu, setMenu] = useState<OpenMenu | null>(null)
  const drag = useRef<{ rowsFrom: number } | { cells: true } | null>(null)
  const version = useSyncExternalStore(source.subscribe, () => source.version)
  const layoutState = useSyncExternalStore(layout.subscribe, layout.getSnapshot)

  const keys = useMemo(() => columnKeys(columns), [columns])
  const display = useMemo(() => visibleColumns(layoutState, keys), [layoutState, keys])
  const widths = display.map((i) => columnWidth(layoutState, keys[i]!))
  const offsets = [0]
  for (const width of widths) offsets.push(offsets[offsets.length - 1]! + width)
  const numeric = display.map((i) => isNumericType(columns[i]!.type))
  const lastNumber = (firstRowNumber + Math.max(0, rowCount - 1)).toLocaleString('en-US')
  const numberWidth = useMemo(
    () => Math.ceil(measureText(lastNumber, font)) + numberChrome,
    [lastNumber, font],
  )
  const totalWidth = numberWidth + offsets[offsets.length - 1]!

  const bounds = { rows: rowCount, columns: display.length }
  const selection = clampSelection(stored, bounds)
  const range = selection && selectionRange(selection)
  const inView = rowWindow(rowCount, scrollTop, viewport)
  const { first, last } = inView
  const firstInView = Math.min(rowCount - 1, Math.ceil(inView.position / rowHeight))
  const cellId = (row: number, column: number) => `${id}-${row}-${column}`
  const { message, copy } = useGridCopy({ source, columns, display, target: props.copyTarget })

  useLayoutEffect(() => {
    const element = scroller.current!
    setFont(getComputedStyle(element).font)
    const header = () => element.querySelector<HTMLElement>('.dg-head')?.offsetHeight ?? rowHeight
    const observer = new ResizeObserver(() => setViewport(element.clientHeight - header()))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => source.want(first, last), [source, first, last, rowCount, version])

  const focusCell = useEffectEvent((row: number, column: number) =>
    props.onFocusCell?.(row, column),
  )
  const activeRow = selection?.active.row
  const activeColumn = selection ? display[selection.active.column] : undefined
  useEffect(() => {
    if (activeRow !== undefined && activeColumn !== undefined) focusCell(activeRow, activeColumn)
  }, [activeRow, activeColumn])

  /** Scrolls the least that shows a cell whole, past the sticky header and row numbers. */
  const reveal = (point: CellPoint) => {
    const element = scroller.current!
    const top = scrollTopToReveal(point.row, rowCount, element.scrollTop, viewport)
    if (top !== null) element.scrollTop = top
    const left = numberWidth + offsets[point.column]!
    const right = left + (widths[point.column] ?? 0)
    if (left < element.scrollLeft + numberWidth) element.scrollLeft = left - numberWidth
    else if (right > element.scrollLeft + element.clientWidth)
      element.scrollLeft = right - element.clientWidth
  }

  const select = (next: GridSelection, show?: CellPoint) => {
    setSelection(next)
    if (show) reveal(show)
  }

  const copyChoice = (choice: CopyChoice) =>
    copy(choice, range ?? selectionRange(selectAll(null, bounds)))

  const copyWidth = range ? range.right - range.left + 1 : display.length
  useImperativeHandle(props.handle, () => ({
    copy: copyChoice,
    copyWidth: () => copyWidth,
    focus: () => scroller.current?.focus(),
  }))

  const hit = (target: EventTarget) => {
    const element = (target as Element).closest?.<HTMLElement>('[data-row]')
    if (!element || !scroller.current?.contains(element)) return null
    const { row, col } = element.dataset
    return { row: Number(row), column: col === undefined ? null : Number(col) }
  }

  const onPointerDown = (event: React.PointerEvent) => {
    const at = event.button === 0 && hit(event.target)
    if (!at) return
    // Cells are not focusable: focus goes to the grid, which says which cell is active.
    event.preventDefault()
    scroller.current!.focus({ preventScroll: true })
    if (at.column === null) {
      const from = event.shiftKey && selection ? selection.active.row : at.row
      drag.current = { rowsFrom: from }
      return setSelection(rowsSelection(from, at.row, bounds))
    }
    const point = { row: at.row, column: at.column }
    drag.current = { cells: true }
    setSelection(event.shiftKey && selection ? extendTo(selection, point) : cellSelection(point))
  }

  const onPointerOver = (event: React.PointerEvent) => {
    const at = drag.current && (event.buttons & 1) === 1 && hit(event.target)
    if (!at || !drag.current) return
    if ('rowsFrom' in drag.current)
      setSelection(rowsSelection(drag.current.rowsFrom, at.row, bounds))
    else if (at.column !== null && selection)
      setSelection(extendTo(selection, { row: at.row, column: at.column }))
  }

  useEffect(() => {
    const stop = () => (drag.current = null)
    document.addEventListener('pointerup', stop)
    return () => document.removeEventListener('pointerup', stop)
  }, [])

  const onContextMenu = (event: React.MouseEvent) => {
    const at = hit(event.target)
    if (!at) return
    event.preventDefault()
    if (at.column === null) {
      if (!range || at.row < range.top || at.row > range.bottom)
        setSelection(rowsSelection(at.row, at.row, bounds))
    } else if (!range || !inRange(range, at.row, at.column))
      setSelection(cellSelection({ row: at.row, column: at.column }))
    setMenu({ kind: 'copy', at: { x: event.clientX, y: event.clientY } })
  }

  const openMenuAtActiveCell = () => {
    const box = selection
      ? document.getElementById(cellId(selection.active.row, selection.active.column))
      : null
    const rect = (box ?? scroller.current!).getBoundingClientRect()
    setMenu({ kind: 'copy', at: { x: rect.left, y: rect.bottom } })
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target !== scroller.current) return
    const command = gridCommandFor(event)
    if (!command || display.length === 0) return
    event.preventDefault()
    switch (command.kind) {
      case 'move': {
        if (rowCount === 0) return
        if (!selection) return select(cellSelection({ row: 0, column: 0 }), { row: 0, column: 0 })
        const pageRows = Math.max(1, Math.floor(viewport / rowHeight) - 1)
        const next = moveSelection(selection, command.move, bounds, pageRows, command.extend)
        return select(next, command.extend ? next.extent : next.active)
      }
      case 'selectAll':
        return setSelection(selectAll(selection, bounds))
      case 'collapse':
        return selection && setSelection(cellSelection(selection.active))
      case 'copy':
        return void copyChoice('tsv')
      case 'menu':
        return openMenuAtActiveCell()
    }
  }

  const closeMenu = (refocus: boolean) => {
    setMenu(null)
    if (refocus) scroller.current?.focus()
  }

  const fit = (key: string) => {
    const grid = scroller.current!
    const header = grid.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)
    const column = keys.indexOf(key)
    if (!header || column < 0) return
    layout.resize(key, fitWidth({ grid, header, source, column, first, last, rowCount }))
  }

  const active = selection?.active ?? null
  const activeShown = active !== null && active.row >= first && active.row < last
  const rows: React.ReactNode[] = []
  for (let index = first; index < last; index++)
    rows.push(
      <GridRow
        key={index}
        index={index}
        top={rowTop(index, scrollTop, inView)}
        height={rowHeight}
        cells={source.row(index)}
        display={display}
        widths={widths}
        numeric={numeric}
        numberWidth={numberWidth}
        totalWidth={totalWidth}
        rowNumber={(firstRowNumber + index).toLocaleString('en-US')}
        range={range}
        active={active}
        cellId={cellId}
      />,
    )

  return (
    <div className="data-grid">
      <div
        ref={scroller}
        className="dg-scroller"
        role="grid"
        aria-label={props.label}
        aria-rowcount={rowCount + 1}
        aria-colcount={display.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={activeShown ? cellId(active.row, active.column) : undefined}
        tabIndex={0}
        data-testid="results-grid"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onFocus={(event) => {
          // Tabbing in lands on a cell, so there is always an active one to announce; a click picks its own.
          const grid = event.currentTarget
          if (event.target !== grid || !grid.matches(':focus-visible')) return
          if (!selection && rowCount > 0 && display.length > 0)
            setSelection(cellSelection({ row: firstInView, column: 0 }))
        }}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerOver={onPointerOver}
        onContextMenu={onContextMenu}
      >
        <GridHeader
          columns={columns}
          keys={keys}
          display={display}
          widths={widths}
          offsets={offsets}
          numberWidth={numberWidth}
          totalWidth={totalWidth}
          layout={layout}
          idPrefix={id}
          sort={props.sort}
          onSort={props.onSort}
          onSelectAll={() => setSelection(selectAll(selection, bounds))}
          onSelectColumn={(column, extend) => {
            if (rowCount === 0) return
            const from = extend && selection ? selection.active.column : column
            setSelection({
              active: { row: 0, column: from },
              anchor: { row: 0, column: from },
              extent: { row: rowCount - 1, column },
            })
          }}
          onFit={fit}
          onColumnMenu={(column, at) => setMenu({ kind: 'column', column, at })}
        />
        <div
          className="dg-body"
          role="rowgroup"
          style={{ height: inView.spacerHeight, width: totalWidth }}
        >
          {rows}
        </div>
      </div>
      <div className="dg-status" role="status">
        {message}
      </div>
      {menu?.kind === 'copy' && (
        <CopyMenu
          at={menu.at}
          columns={copyWidth}
          onCopy={(choice) => void copyChoice(choice)}
          onClose={closeMenu}
        />
      )}
      {menu?.kind === 'column' && display[menu.column] !== undefined && (
        <ColumnMenu
          name={columns[display[menu.column]!]!.name}
          columnKey={keys[display[menu.column]!]!}
          keys={keys}
          layout={layout}
          position={menu.column}
          shown={display.length}
          at={menu.at}
          onFit={() => fit(keys[display[menu.column]!]!)}
          onCopyName={() =>
            void copy('columnNames', { top: 0, bottom: 0, left: menu.column, right: menu.column })
          }
          sort={props.sort}
          onSetSort={props.onSetSort}
          onClose={closeMenu}
        />
      )}
    </div>
  )
}

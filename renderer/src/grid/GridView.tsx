import { useContext, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { LayoutContext } from '../workspace/Layout'
import { Splitter } from '../workspace/Splitter'
import { ColumnsMenu } from './ColumnsMenu'
import { CopyMenu } from './CopyMenu'
import { DataGrid, type DataGridProps, type GridHandle } from './DataGrid'
import { ValuePanel, type ActiveCell } from './ValuePanel'

interface Props extends DataGridProps {
  /** More toolbar buttons, after the grid's own (e.g. Export…). */
  actions?: ReactNode
}

type Open = { menu: 'copy' | 'columns'; at: { x: number; y: number } } | null

/**
 * The grid as a view: a toolbar (Copy as…, Columns…, the value panel's
 * toggle and the owner's actions), the grid, and the value panel beside it.
 */
export function GridView({ actions, ...grid }: Props) {
  const handle = useRef<GridHandle>(null)
  const [open, setOpen] = useState<Open>(null)
  const [showValue, setShowValue] = useState(false)
  const [active, setActive] = useState<ActiveCell | null>(null)
  const opener = useRef<HTMLButtonElement | null>(null)
  // The panel's width is the workspace's, remembered with the other sizes; a grid outside one keeps its own.
  const layout = useContext(LayoutContext)
  const remembered = useSyncExternalStore(
    layout?.subscribe ?? noSubscribe,
    () => layout?.getSnapshot().valuePanelWidth ?? null,
  )
  const [ownWidth, setOwnWidth] = useState(360)
  const valueWidth = remembered ?? ownWidth
  const setValueWidth = (width: number) =>
    layout ? layout.set({ valuePanelWidth: width }) : setOwnWidth(width)

  const toggleMenu = (menu: 'copy' | 'columns', button: HTMLButtonElement) => {
    if (open?.menu === menu) return setOpen(null)
    opener.current = button
    const box = button.getBoundingClientRect()
    setOpen({ menu, at: { x: box.left, y: box.bottom + 2 } })
  }
  const close = (refocus: boolean) => {
    setOpen(null)
    if (refocus) opener.current?.focus()
  }

  return (
    <div className="grid-view">
      <div className="dg-toolbar" role="toolbar" aria-label={`${grid.label} tools`}>
        <button
          aria-haspopup="menu"
          aria-expanded={open?.menu === 'copy'}
          onClick={(event) => toggleMenu('copy', event.currentTarget)}
        >
          Copy as…
        </button>
        <button
          aria-haspopup="menu"
          aria-expanded={open?.menu === 'columns'}
          onClick={(event) => toggleMenu('columns', event.currentTarget)}
        >
          Columns…
        </button>
        <button aria-pressed={showValue} onClick={() => setShowValue(!showValue)}>
          Value panel
        </button>
        {actions}
      </div>
      <div className="grid-view-body">
        <DataGrid
          {...grid}
          handle={handle}
          onFocusCell={(row, column) => {
            setActive({ row, column, cell: grid.source.row(row)?.[column] })
            grid.onFocusCell?.(row, column)
          }}
        />
        {showValue && (
          <>
            <Splitter
              label="Resize the value panel"
              orientation="vertical"
              value={valueWidth}
              min={160}
              max={1200}
              direction={-1}
              onChange={setValueWidth}
            />
            <ValuePanel
              source={grid.source}
              active={active}
              columns={grid.columns}
              width={valueWidth}
            />
          </>
        )}
      </div>
      {open?.menu === 'copy' && (
        <CopyMenu
          at={open.at}
          opener={opener.current}
          columns={handle.current?.copyWidth() ?? grid.columns.length}
          onCopy={(choice) => void handle.current?.copy(choice)}
          onClose={close}
        />
      )}
      {open?.menu === 'columns' && (
        <ColumnsMenu
          columns={grid.columns}
          layout={grid.layout}
          at={open.at}
          opener={opener.current}
          onClose={close}
        />
      )}
    </div>
  )
}

const noSubscribe = () => () => undefined

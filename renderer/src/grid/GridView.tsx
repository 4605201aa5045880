import { useRef, useState, type ReactNode } from 'react'
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
        {showValue && <ValuePanel source={grid.source} active={active} columns={grid.columns} />}
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

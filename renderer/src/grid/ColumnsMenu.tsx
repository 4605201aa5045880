import { useSyncExternalStore } from 'react'
import { columnKeys, visibleColumns, type GridLayout } from './GridLayout'
import type { GridColumn } from './GridSource'
import { Menu } from '../workspace/Menu'

interface Props {
  columns: readonly GridColumn[]
  layout: GridLayout
  at: { x: number; y: number }
  opener?: HTMLElement | null
  onClose(refocus: boolean): void
}

/** The toolbar's Columns…: a check box per column to hide or show it, and Show all. */
export function ColumnsMenu({ columns, layout, at, opener, onClose }: Props) {
  const state = useSyncExternalStore(layout.subscribe, layout.getSnapshot)
  const keys = columnKeys(columns)
  const hidden = new Set(state.hidden)
  const shown = visibleColumns(state, keys).length
  const allShown = shown === keys.length
  return (
    <Menu
      label="Columns"
      at={at}
      opener={opener}
      onClose={onClose}
      items={[
        ...keys.map((key) => ({
          label: key,
          checked: !hidden.has(key),
          disabled: !hidden.has(key) && shown === 1,
          onSelect: () => (hidden.has(key) ? layout.show(key) : layout.hide(key)),
        })),
        { label: 'Show all columns', disabled: allShown, onSelect: () => layout.showAll() },
      ]}
    />
  )
}

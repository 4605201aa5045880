import type { GridLayout } from './GridLayout'
import { Menu } from '../workspace/Menu'

interface Props {
  name: string
  columnKey: string
  keys: readonly string[]
  layout: GridLayout
  /** Where the column is among the shown ones, and how many are shown. */
  position: number
  shown: number
  at: { x: number; y: number }
  onFit(): void
  onCopyName(): void
  onClose(refocus: boolean): void
}

/** One column's menu: move it, fit or hide it, copy its name. The keyboard's way to reorder. */
export function ColumnMenu(props: Props) {
  const { layout, keys, columnKey, position, shown } = props
  return (
    <Menu
      label={`Column ${props.name}`}
      at={props.at}
      onClose={props.onClose}
      items={[
        {
          label: 'Move left',
          disabled: position === 0,
          onSelect: () => layout.move(keys, columnKey, -1),
        },
        {
          label: 'Move right',
          disabled: position === shown - 1,
          onSelect: () => layout.move(keys, columnKey, 1),
        },
        { label: 'Fit width to contents', onSelect: props.onFit },
        {
          label: 'Hide column',
          // The last shown column stays: a grid of row numbers alone shows nothing to bring columns back by.
          disabled: shown === 1,
          onSelect: () => layout.hide(columnKey),
        },
        { label: 'Copy column name', onSelect: props.onCopyName },
      ]}
    />
  )
}

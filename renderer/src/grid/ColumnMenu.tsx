import { columnWidth, type GridLayout } from './GridLayout'
import type { SortKey } from './sortCycle'
import { Menu, type MenuItem } from '../workspace/Menu'

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
  /** The sort in force, and how to set another: given where the database sorts (a table's tab). */
  sort?: readonly SortKey[]
  onSetSort?(sort: SortKey[]): void
  onClose(refocus: boolean): void
}

/** One column's menu: sort by it, move it, fit or hide it, copy its name. The keyboard's way to sort and reorder. */
export function ColumnMenu(props: Props) {
  const { layout, keys, columnKey, position, shown } = props
  return (
    <Menu
      label={`Column ${props.name}`}
      at={props.at}
      onClose={props.onClose}
      items={[
        ...sortItems(props.name, props.sort ?? [], props.onSetSort),
        {
          label: 'Move left',
          separated: Boolean(props.onSetSort),
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
          label: 'Wider',
          onSelect: () =>
            layout.resize(columnKey, columnWidth(layout.getSnapshot(), columnKey) + 40),
        },
        {
          label: 'Narrower',
          onSelect: () =>
            layout.resize(columnKey, columnWidth(layout.getSnapshot(), columnKey) - 40),
        },
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

/** Sort by this column alone either way, add it to the sort, or take it out. */
function sortItems(
  column: string,
  sort: readonly SortKey[],
  setSort: ((sort: SortKey[]) => void) | undefined,
): MenuItem[] {
  if (!setSort) return []
  const current = sort.find((key) => key.column === column)
  const others = sort.filter((key) => key.column !== column)
  return [
    { label: 'Sort ascending', onSelect: () => setSort([{ column, direction: 'asc' }]) },
    { label: 'Sort descending', onSelect: () => setSort([{ column, direction: 'desc' }]) },
    ...(others.length > 0 && !current
      ? [
          {
            label: 'Add to sort, ascending',
            onSelect: () => setSort([...sort, { column, direction: 'asc' as const }]),
          },
        ]
      : []),
    ...(current ? [{ label: 'Remove from sort', onSelect: () => setSort(others) }] : []),
  ]
}

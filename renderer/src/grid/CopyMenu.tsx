import type { CopyFormat } from './copyFormats'
import { Menu } from '../workspace/Menu'

/** A copy format, or the selected columns' names. */
export type CopyChoice = CopyFormat | 'columnNames'

interface Props {
  at: { x: number; y: number }
  opener?: HTMLElement | null
  /** How many columns the copy covers, to name the last item in the singular or plural. */
  columns: number
  onCopy(choice: CopyChoice): void
  onClose(refocus: boolean): void
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/** The cells' context menu and the toolbar's Copy as…: one list, so both offer the same. */
export function CopyMenu({ at, opener, columns, onCopy, onClose }: Props) {
  const item = (label: string, choice: CopyChoice, shortcut?: string) => ({
    label,
    shortcut,
    onSelect: () => onCopy(choice),
  })
  return (
    <Menu
      label="Copy"
      at={at}
      opener={opener}
      onClose={onClose}
      items={[
        item('Copy', 'tsv', isMac ? '⌘C' : 'Ctrl+C'),
        item('Copy as CSV', 'csv'),
        item('Copy as JSON', 'json'),
        item('Copy as Markdown', 'markdown'),
        item('Copy as SQL INSERT', 'sql'),
        item(columns > 1 ? 'Copy column names' : 'Copy column name', 'columnNames'),
      ]}
    />
  )
}

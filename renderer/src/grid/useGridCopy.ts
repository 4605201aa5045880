import { useEffect, useRef, useState } from 'react'
import { toErrorData } from '../../../shared/errors'
import type { CopyTarget } from './copyFormats'
import type { CopyChoice } from './CopyMenu'
import { copyRange, maxCopyRows } from './copyRange'
import type { GridColumn, GridSource } from './GridSource'
import type { CellRange } from './selection'

/** How long a copy's summary stays on show, in milliseconds. */
const messageTime = 6000

/**
 * Copying a range to the clipboard, and the line that says what was copied
 * (or why nothing was). Rows beyond the loaded pages are fetched first, so the
 * summary waits for them.
 */
export function useGridCopy(options: {
  source: GridSource
  columns: readonly GridColumn[]
  display: readonly number[]
  target?: CopyTarget
}): { message: string; copy(choice: CopyChoice, range: CellRange): Promise<void> } {
  const [message, setMessage] = useState('')
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])

  const say = (text: string, stay = false) => {
    window.clearTimeout(timer.current)
    setMessage(text)
    if (!stay) timer.current = window.setTimeout(() => setMessage(''), messageTime)
  }

  const copy = async (choice: CopyChoice, range: CellRange) => {
    try {
      if (choice === 'columnNames') {
        const names = options.display
          .slice(range.left, range.right + 1)
          .map((i) => options.columns[i]!.name)
        await navigator.clipboard.writeText(names.join('\t'))
        return say(
          `Copied ${names.length === 1 ? 'the column name' : `${names.length} column names`}`,
        )
      }
      const rows = range.bottom - range.top + 1
      if (rows > 1000 && rows <= maxCopyRows)
        say(`Copying ${rows.toLocaleString('en-US')} rows…`, true)
      const outcome = await copyRange({ ...options, range, format: choice })
      if ('refused' in outcome) return say(outcome.refused)
      await navigator.clipboard.writeText(outcome.text)
      say(outcome.summary)
    } catch (error) {
      say(`Nothing copied: ${toErrorData(error).message}`)
    }
  }

  return { message, copy }
}

import { useDeferredValue, useEffect, useState } from 'react'
import { rows, rowsAffected } from '../../../shared/count'
import type { HistoryEntry } from '../../../shared/contract'
import { toErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'
import { formatElapsed } from './formatElapsed'

interface Props {
  client: SluiceClient
  /** Changes whenever a run ends, so the list shows it. */
  runs: number
  /** Opens an entry's SQL in a new tab, on the connection it ran on where that is open. */
  onOpen(entry: HistoryEntry): void
}

/** "3 rows affected" for a statement that changed rows, else the rows it returned: "1 row", "5 rows". */
function countText(entry: HistoryEntry): string {
  return entry.affectedRows === null ? rows(entry.rowCount) : rowsAffected(entry.affectedRows)
}

const outcomeText: Record<HistoryEntry['outcome'], string> = {
  done: '',
  error: 'Failed · ',
  cancelled: 'Cancelled · ',
}

/** Every statement run, newest first, searchable by its text; clicking one opens it in a new tab. */
export function HistoryPanel({ client, runs, onOpen }: Props) {
  const [text, setText] = useState('')
  const search = useDeferredValue(text)
  const [entries, setEntries] = useState<HistoryEntry[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    client
      .call('history.search', { text: search, limit: 200 })
      .then((found) => {
        if (!current) return
        setEntries(found.entries)
        setError(null)
      })
      .catch((failure: unknown) => {
        if (current) setError(toErrorData(failure).message)
      })
    return () => {
      current = false
    }
  }, [client, search, runs])

  return (
    <div className="side-list">
      <input
        type="search"
        className="side-search"
        aria-label="Search history"
        placeholder="Search history"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error && <p className="tree-message">{error}</p>}
      {!error && entries.length === 0 && (
        <p className="tree-message">Nothing run yet{search && ' that matches'}.</p>
      )}
      <ul aria-label="History">
        {entries.map((entry) => (
          <li key={entry.id}>
            <button
              className="side-item"
              onClick={() => onOpen(entry)}
              title={entry.sql.slice(0, 1000)}
            >
              <code className={entry.outcome === 'error' ? 'history-failed' : undefined}>
                {entry.sql.slice(0, 200)}
              </code>
              <span className="side-detail">
                {outcomeText[entry.outcome]}
                {new Date(entry.startedAt).toLocaleString()} · {countText(entry)} ·{' '}
                {formatElapsed(entry.elapsedMs)} · {entry.connection}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

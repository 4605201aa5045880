import { useEffect, useState } from 'react'
import { rows, rowsAffected } from '../../../shared/count'
import type { ResultSnapshot } from './ResultSet'
import { formatElapsed } from './formatElapsed'

interface Props {
  /** The result on show. */
  snapshot: ResultSnapshot | null
  /** The tab is running statements (this one or the next). */
  running: boolean
  message: string | null
  connectionTitle: string
  onCancel(): void
}

/** Row count, elapsed time and, while a query runs, the way to stop it. */
export function StatusBar({ snapshot, running, message, connectionTitle, onCancel }: Props) {
  const [now, setNow] = useState(Date.now())
  const ticking = snapshot?.status === 'running'
  useEffect(() => {
    if (!ticking) return
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [ticking])

  // A statement that ended without a time of its own (the server went away) shows none, never a stale clock.
  const elapsed = snapshot
    ? (snapshot.elapsedMs ?? (ticking ? Math.max(0, now - snapshot.startedAt) : null))
    : null
  return (
    <div className="status-bar" role="status">
      <span className="status-connection">{connectionTitle}</span>
      {snapshot && (
        <>
          <span data-testid="row-count">
            {snapshot.affectedRows !== null
              ? rowsAffected(snapshot.affectedRows)
              : rows(snapshot.rowCount)}
          </span>
          <span data-testid="elapsed">{elapsed === null ? '' : formatElapsed(elapsed)}</span>
          <span data-testid="query-status">
            {snapshot.status === 'running'
              ? 'Running…'
              : snapshot.status === 'done'
                ? 'Done'
                : snapshot.error?.code === 'CANCELLED'
                  ? 'Cancelled'
                  : 'Failed'}
          </span>
        </>
      )}
      {message && (
        <span className="status-notice" role="alert">
          {message}
        </span>
      )}
      {running && (
        <button className="cancel" onClick={onCancel} title="Ctrl+.">
          Cancel
        </button>
      )}
    </div>
  )
}

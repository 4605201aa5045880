import { useEffect, useState } from 'react'
import type { QuerySnapshot } from '../query/QueryRun'

interface Props {
  snapshot: QuerySnapshot | null
  connectionTitle: string
  onCancel(): void
}

/** Row count, elapsed time and, while a query runs, the way to stop it. */
export function StatusBar({ snapshot, connectionTitle, onCancel }: Props) {
  const running = snapshot?.status === 'running'
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [running])

  const elapsed = snapshot ? (snapshot.elapsedMs ?? now - snapshot.startedAt) : null
  return (
    <div className="status-bar" role="status">
      <span className="status-connection">{connectionTitle}</span>
      {snapshot && (
        <>
          <span data-testid="row-count">
            {snapshot.affectedRows !== null
              ? `${snapshot.affectedRows.toLocaleString('en-US')} rows affected`
              : `${snapshot.rowCount.toLocaleString('en-US')} ${snapshot.rowCount === 1 ? 'row' : 'rows'}`}
          </span>
          <span data-testid="elapsed">{elapsed === null ? '' : formatElapsed(elapsed)}</span>
          <span data-testid="query-status">
            {running
              ? 'Running…'
              : snapshot.status === 'done'
                ? 'Done'
                : snapshot.error?.code === 'CANCELLED'
                  ? 'Cancelled'
                  : 'Failed'}
          </span>
        </>
      )}
      {snapshot?.notice && (
        <span className="status-notice" role="alert">
          {snapshot.notice}
        </span>
      )}
      {running && (
        <button className="cancel" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  )
}

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

import { useSyncExternalStore } from 'react'
import { firstRowOf, pageSizes, type TableTab } from './TableTab'

interface Props {
  tab: TableTab
  /** The table's row estimate from statistics; null when it keeps none. */
  estimate: number | null
}

const number = new Intl.NumberFormat('en-US')

/**
 * Where the page sits and the ways to move: first, previous, next, last; the
 * row estimate at once and the exact count on request (cancellable, since a
 * COUNT can take long on a big table); rows per page.
 */
export function Pager({ tab, estimate }: Props) {
  const state = useSyncExternalStore(tab.subscribe, tab.getSnapshot)
  const loading = state.result?.getSnapshot().status === 'running'
  const shown = Math.min(state.result?.getSnapshot().rowCount ?? 0, state.pageSize)
  const total =
    state.count.state === 'done'
      ? `of ${number.format(state.count.rows)}`
      : estimate !== null && state.filters.length === 0 && !state.where
        ? `of ≈${number.format(estimate)}`
        : ''
  const first = firstRowOf(state)
  const position = state.position
  const where =
    shown === 0
      ? loading
        ? 'Loading…'
        : 'No rows'
      : first !== null
        ? `Rows ${number.format(first)}–${number.format(first + shown - 1)}`
        : position?.from === 'end' && position.after > 0
          ? `${number.format(shown)} rows, ${number.format(position.after)} before the end`
          : `Last ${number.format(shown)} rows`
  return (
    <div className="pager" role="group" aria-label="Pages">
      <button onClick={() => void tab.first()} disabled={loading || !state.hasPrevious}>
        First page
      </button>
      <button onClick={() => void tab.previous()} disabled={loading || !state.hasPrevious}>
        Previous page
      </button>
      <button onClick={() => void tab.next()} disabled={loading || !state.hasNext}>
        Next page
      </button>
      <button
        onClick={() => void tab.last()}
        disabled={loading || (!state.hasNext && state.page !== null)}
      >
        Last page
      </button>
      <span className="pager-position" role="status" data-testid="page-position">
        {where} {total}
        {state.paging === 'offset' && (
          <span
            className="muted"
            title="The table has no primary key (or is sorted on a column that cannot be compared exactly), so pages are read with OFFSET"
          >
            {' '}
            · OFFSET paging
          </span>
        )}
      </span>
      {state.count.state === 'running' ? (
        <button onClick={() => tab.cancelCount()}>Cancel count</button>
      ) : (
        <button onClick={() => void tab.countRows()} title="Runs SELECT COUNT(*) with the filters">
          Count rows
        </button>
      )}
      {state.count.state === 'error' && <span className="error-text">{state.count.message}</span>}
      {loading && <button onClick={() => tab.cancel()}>Cancel</button>}
      <label className="pager-size">
        Rows per page
        <select
          value={state.pageSize}
          onChange={(e) => void tab.setPageSize(Number(e.target.value))}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {number.format(size)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

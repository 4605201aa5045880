import { useSyncExternalStore } from 'react'
import { pagePosition } from './pagePosition'
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
  const result = state.result?.getSnapshot()
  const loading = result?.status === 'running'
  const where = pagePosition({
    shown: Math.min(result?.rowCount ?? 0, state.pageSize),
    loading,
    failed: state.error !== null || (result?.status === 'error' && !!result.error),
    first: firstRowOf(state),
    position: state.position,
    hasNext: state.hasNext,
    counted: state.count.state === 'done' ? state.count.rows : null,
    estimate: state.filters.length === 0 && !state.where ? estimate : null,
  })
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
        {where}
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

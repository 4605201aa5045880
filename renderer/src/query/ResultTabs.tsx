import { useSyncExternalStore } from 'react'
import type { QueryTab, QueryTabState } from '../query/QueryTab'
import type { ResultSet } from '../query/ResultSet'
import { ErrorPanel } from './ErrorPanel'
import { PlanView } from './PlanView'
import { ResultsGrid } from './ResultsGrid'
import { formatElapsed } from './formatElapsed'

interface Props {
  tab: QueryTab
  state: QueryTabState
  onExport(result: ResultSet): void
}

/** One tab per statement of the last run, each with its count, time and messages; and the plan, if asked for. */
export function ResultTabs({ tab, state, onExport }: Props) {
  const shown = state.shown === 'plan' ? null : state.results[state.shown]
  return (
    <section className="results">
      {(state.results.length > 0 || state.plan) && (
        <div className="result-tabs" role="tablist" aria-label="Results">
          {state.results.map((result, index) => (
            <ResultTab
              key={result.queryId}
              result={result}
              index={index}
              selected={state.shown === index}
              onSelect={() => tab.show(index)}
            />
          ))}
          {state.plan && (
            <button
              role="tab"
              aria-selected={state.shown === 'plan'}
              onClick={() => tab.show('plan')}
            >
              Plan
            </button>
          )}
        </div>
      )}
      {state.shown === 'plan' && state.plan && <PlanView plan={state.plan} />}
      {shown && <ResultPanel key={shown.queryId} result={shown} onExport={() => onExport(shown)} />}
    </section>
  )
}

function ResultTab(props: {
  result: ResultSet
  index: number
  selected: boolean
  onSelect(): void
}) {
  const snapshot = useSyncExternalStore(props.result.subscribe, props.result.getSnapshot)
  const summary =
    snapshot.status === 'running'
      ? 'running'
      : snapshot.status === 'error'
        ? 'failed'
        : snapshot.columns.length > 0
          ? `${snapshot.rowCount.toLocaleString('en-US')} rows`
          : `${(snapshot.affectedRows ?? 0).toLocaleString('en-US')} affected`
  return (
    <button
      role="tab"
      aria-selected={props.selected}
      className={`result-tab result-${snapshot.status}`}
      onClick={props.onSelect}
      title={props.result.sql.slice(0, 500)}
    >
      Result {props.index + 1}
      <span className="result-summary">
        {summary}
        {snapshot.elapsedMs !== null && ` · ${formatElapsed(snapshot.elapsedMs)}`}
      </span>
    </button>
  )
}

function ResultPanel({ result, onExport }: { result: ResultSet; onExport(): void }) {
  const snapshot = useSyncExternalStore(result.subscribe, result.getSnapshot)
  const hasRows = snapshot.columns.length > 0
  return (
    <div className="result-panel" role="tabpanel">
      {snapshot.error && <ErrorPanel error={snapshot.error} />}
      {snapshot.notices.length > 0 && (
        <ul className="notices" aria-label="Messages">
          {snapshot.notices.map((notice, i) => (
            <li key={i}>
              <strong>{notice.level}</strong> {notice.message}
            </li>
          ))}
        </ul>
      )}
      {hasRows && snapshot.status !== 'running' && (
        <div className="result-actions">
          <button onClick={onExport}>Export…</button>
        </div>
      )}
      {hasRows ? (
        <ResultsGrid result={result} columns={snapshot.columns} rowCount={snapshot.rowCount} />
      ) : (
        snapshot.status === 'done' && (
          <p className="result-message">
            {snapshot.affectedRows === null
              ? 'The statement ran; it returns no rows.'
              : `${snapshot.affectedRows.toLocaleString('en-US')} rows affected.`}
          </p>
        )
      )}
    </div>
  )
}

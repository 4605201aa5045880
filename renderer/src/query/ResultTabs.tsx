import { useSyncExternalStore } from 'react'
import type { DialectName } from '../../../shared/connectionUrl'
import { GridLayout } from '../grid/GridLayout'
import { GridView } from '../grid/GridView'
import { useEffect, useRef } from 'react'
import { rows, rowsAffected } from '../../../shared/count'
import type { QueryTab, QueryTabState } from './QueryTab'
import type { ResultSet, ResultSnapshot } from './ResultSet'
import { ErrorPanel } from '../errors/ErrorPanel'
import { changesSchema } from '../schema/changesSchema'
import { PlanView } from './PlanView'
import { formatElapsed } from './formatElapsed'

interface Props {
  tab: QueryTab
  state: QueryTabState
  onExport(result: ResultSet): void
}

/** One tab per statement of the last run, each with its count, time and messages; and the plan, if asked for. */
export function ResultTabs({ tab, state, onExport }: Props) {
  const index = state.shown === 'plan' ? null : state.shown
  const shown = index === null ? undefined : state.results[index]
  const strip = useRef<HTMLDivElement>(null)
  // Many statements make many tabs: the strip scrolls, and the one shown is kept in view.
  useEffect(() => {
    strip.current
      ?.querySelector('[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [state.shown, state.results.length])
  return (
    <section className="results">
      {(state.results.length > 0 || state.plan) && (
        <div
          className="result-tabs"
          role="tablist"
          aria-label="Results"
          ref={strip}
          onKeyDown={(event) => {
            const last = state.results.length - 1
            const at = state.shown === 'plan' ? last + 1 : state.shown
            const next =
              event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : null
            if (next === null || next < 0 || next > last + (state.plan ? 1 : 0)) return
            event.preventDefault()
            tab.show(next > last ? 'plan' : next)
            requestAnimationFrame(() =>
              strip.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(),
            )
          }}
        >
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
              tabIndex={state.shown === 'plan' ? 0 : -1}
              onClick={() => tab.show('plan')}
            >
              Plan
            </button>
          )}
        </div>
      )}
      {state.shown === 'plan' && state.plan && <PlanView plan={state.plan} />}
      {shown && index !== null && (
        <ResultPanel
          key={shown.queryId}
          result={shown}
          index={index}
          layout={layoutFor(tab, index)}
          dialect={tab.session.dialect}
          onExport={() => onExport(shown)}
        />
      )}
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
  const outcome = outcomeOf(snapshot)
  const summary =
    outcome === 'running'
      ? 'running'
      : outcome === 'cancelled'
        ? `cancelled${snapshot.rowCount > 0 ? ` after ${rows(snapshot.rowCount)}` : ''}`
        : outcome === 'error'
          ? 'failed'
          : snapshot.columns.length > 0
            ? rows(snapshot.rowCount)
            : rowsAffected(snapshot.affectedRows ?? 0)
  return (
    <button
      role="tab"
      aria-selected={props.selected}
      tabIndex={props.selected ? 0 : -1}
      className={`result-tab result-${outcome}`}
      onClick={props.onSelect}
      title={props.result.sql.slice(0, 500)}
    >
      Result {props.index + 1}{' '}
      <span className="result-summary">
        {summary}
        {snapshot.elapsedMs !== null && ` · ${formatElapsed(snapshot.elapsedMs)}`}
      </span>
    </button>
  )
}

/** A cancel is its own outcome: the user stopped the statement; nothing failed. */
export function outcomeOf(snapshot: ResultSnapshot): 'running' | 'done' | 'error' | 'cancelled' {
  if (snapshot.status === 'error' && snapshot.error?.code === 'CANCELLED') return 'cancelled'
  return snapshot.status
}

/**
 * Column layouts by tab and result position: running the same statements
 * again keeps the widths, order and hidden columns of each result.
 */
const layouts = new WeakMap<QueryTab, GridLayout[]>()

function layoutFor(tab: QueryTab, index: number): GridLayout {
  const list = layouts.get(tab) ?? []
  layouts.set(tab, list)
  return (list[index] ??= new GridLayout())
}

function ResultPanel(props: {
  result: ResultSet
  index: number
  layout: GridLayout
  dialect: DialectName
  onExport(): void
}) {
  const { result } = props
  const snapshot = useSyncExternalStore(result.subscribe, result.getSnapshot)
  const hasRows = snapshot.columns.length > 0
  return (
    <div className="result-panel" role="tabpanel">
      {snapshot.error &&
        (snapshot.error.code === 'CANCELLED' ? (
          // A cancel is the user's own doing, said plainly, not shown as a failure.
          <p className="result-message" role="status">
            {snapshot.error.message}
            {snapshot.rowCount > 0 && `: the ${rows(snapshot.rowCount)} read before it are kept.`}
          </p>
        ) : (
          <ErrorPanel error={snapshot.error} />
        ))}
      {snapshot.notices.length > 0 && (
        <ul className="notices" aria-label="Messages">
          {snapshot.notices.map((notice, i) => (
            <li key={i}>
              <strong>{notice.level}</strong> {notice.message}
            </li>
          ))}
        </ul>
      )}
      {hasRows ? (
        <GridView
          source={result}
          columns={snapshot.columns}
          rowCount={snapshot.rowCount}
          label={`Result ${props.index + 1}`}
          layout={props.layout}
          copyTarget={{ dialect: props.dialect, table: 'result' }}
          actions={
            snapshot.status !== 'running' && <button onClick={props.onExport}>Export…</button>
          }
        />
      ) : (
        snapshot.status === 'done' && (
          <p className="result-message">
            {snapshot.affectedRows === null ||
            (snapshot.affectedRows === 0 && changesSchema(result.sql))
              ? 'The statement ran; it returns no rows.'
              : `${rowsAffected(snapshot.affectedRows)}.`}
          </p>
        )
      )}
    </div>
  )
}

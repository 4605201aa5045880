import { useEffect, useSyncExternalStore } from 'react'
import { ErrorPanel } from '../errors/ErrorPanel'
import { GridView } from '../grid/GridView'
import { objectKey } from '../schema/treeRows'
import { FilterBar } from './FilterBar'
import { Pager } from './Pager'
import { StructureView } from './StructureView'
import { firstRowOf, type TableTab } from './TableTab'
import './table.css'

interface Props {
  tab: TableTab
  /** Shown now: the first page loads when the tab is first shown, not when it is restored. */
  active: boolean
  onQueryJson(): void
  onExport(): void
  onOpenSql(sql: string): void
}

/** A table's data (paged, sorted, filtered) and its structure, in one tab per table. */
export function TableTabView({ tab, active, onQueryJson, onExport, onOpenSql }: Props) {
  const state = useSyncExternalStore(tab.subscribe, tab.getSnapshot)
  const schema = useSyncExternalStore(tab.session.schema.subscribe, tab.session.schema.getSnapshot)
  const { session, object } = tab
  const details = schema.details.get(objectKey(object))
  const listed = schema.schema?.objects.find(
    (o) => o.schema === object.schema && o.name === object.name,
  )

  const connectionId = useSyncExternalStore(session.subscribe, () => session.connectionId)
  useEffect(() => {
    if (!active || !connectionId) return
    session.schema.describe(object)
    tab.ensureLoaded()
  }, [active, connectionId, session, object, tab])

  const result = state.result
  const snapshot = useSyncExternalStore(
    result?.subscribe ?? noSubscribe,
    result?.getSnapshot ?? noSnapshot,
  )
  const columns =
    details?.state === 'ready'
      ? (details.table?.columns.map((c) => c.name) ?? details.view?.columns ?? [])
      : (snapshot?.columns.map((c) => c.name) ?? [])

  return (
    <section className="table-tab" aria-label={`Table ${object.name}`}>
      <header className="table-tab-header">
        <h2>{object.name}</h2>
        <span className="muted">
          {tab.objectKind} in {object.schema}
        </span>
        <div className="tabs" role="tablist" aria-label={`${object.name} view`}>
          <button
            role="tab"
            aria-selected={state.view === 'data'}
            onClick={() => tab.setView('data')}
          >
            Data
          </button>
          <button
            role="tab"
            aria-selected={state.view === 'structure'}
            onClick={() => tab.setView('structure')}
          >
            Structure
          </button>
        </div>
        <span className="spacer" />
        {state.view === 'data' && (
          <>
            <button onClick={() => void tab.refresh()}>Refresh</button>
            <button onClick={() => state.sql && onOpenSql(state.sql)} disabled={!state.sql}>
              Open SQL in editor
            </button>
          </>
        )}
        <button onClick={onQueryJson}>Query JSON</button>
        <button onClick={onExport}>Export…</button>
      </header>
      {state.view === 'structure' ? (
        <StructureView dialect={session.dialect} details={details} />
      ) : (
        <div className="table-data">
          <FilterBar
            columns={columns}
            filters={state.filters}
            where={state.where}
            onApply={(filters, where) => void tab.filter(filters, where)}
          />
          <Pager tab={tab} estimate={listed?.rowEstimate ?? null} />
          {state.error && (
            <>
              <ErrorPanel error={state.error} />
              {(state.sort.length > 0 || state.filters.length > 0 || state.where) && (
                <p>
                  <button onClick={() => void tab.reset()}>Clear the sort and filters</button>
                </p>
              )}
            </>
          )}
          {snapshot?.error && (
            <>
              {snapshot.error.code === 'SQL_ERROR' && (state.where || state.filters.length > 0) && (
                <p className="error-text">
                  The database refused the page with these conditions: check the WHERE box
                  {state.where ? ` (${state.where})` : ''} and the values; Open SQL in editor shows
                  the whole statement, where the error points.
                </p>
              )}
              <ErrorPanel error={snapshot.error} />
            </>
          )}
          {result && snapshot && snapshot.columns.length > 0 && (
            <GridView
              key={result.queryId}
              source={result}
              columns={snapshot.columns}
              rowCount={Math.min(snapshot.rowCount, state.pageSize)}
              label={`Rows of ${object.name}`}
              layout={tab.layout}
              firstRowNumber={firstRowOf(state) ?? 1}
              sort={state.sort}
              onSort={(column, additive) => void tab.sortBy(column, additive)}
              onSetSort={(sort) => void tab.setSort(sort)}
              copyTarget={{ dialect: session.dialect, schema: object.schema, table: object.name }}
            />
          )}
        </div>
      )}
    </section>
  )
}

const noSnapshot = () => null
const noSubscribe = () => () => undefined

import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useMemo, useRef, useState } from 'react'
import type { SchemaObject } from '../../../shared/contract'
import { rowEstimateText } from '../schema/describeText'
import { objectKey, treeRows, type TreeRow } from '../schema/treeRows'
import type { SchemaState } from '../schema/useSchema'

interface Props {
  state: SchemaState
  /** Opens the table view (columns, indexes, foreign keys, checks, DDL). */
  onShow(object: SchemaObject): void
  /** Runs SELECT * on it. */
  onOpenRows(object: SchemaObject): void
}

const rowHeight = 24

/**
 * Schemas → tables and views → columns, indexes, foreign keys and triggers.
 * Names arrive all at once and details when a table is expanded; only the
 * lines in view are in the DOM, and the filter runs on a deferred value, so
 * typing stays smooth over 10,000 tables.
 */
export function SchemaBrowser({ state, onShow, onOpenRows }: Props) {
  const [filter, setFilter] = useState('')
  const deferredFilter = useDeferredValue(filter)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const scroller = useRef<HTMLDivElement>(null)

  const rows = useMemo(
    () =>
      state.schema
        ? treeRows({
            schema: state.schema,
            filter: deferredFilter,
            collapsedNamespaces: collapsed,
            expandedObjects: expanded,
            details: state.details,
          })
        : [],
    [state.schema, state.details, deferredFilter, collapsed, expanded],
  )
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 15,
  })

  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set)
    if (!next.delete(key)) next.add(key)
    return next
  }
  const toggleObject = (object: SchemaObject) => {
    const key = objectKey(object)
    if (!expanded.has(key)) state.describe(object)
    setExpanded((previous) => toggle(previous, key))
  }

  const objectCount = state.schema?.objects.length ?? 0
  return (
    <div className="browser">
      <div className="browser-bar">
        <input
          type="search"
          className="browser-filter"
          placeholder={`Filter ${objectCount.toLocaleString('en')} tables and views`}
          aria-label="Filter tables"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button onClick={state.refresh} aria-label="Refresh schema" title="Refresh schema">
          ⟳
        </button>
      </div>
      {state.error && <div className="tree-message error-text">{state.error}</div>}
      {!state.schema && !state.error && <div className="tree-message">Loading schema…</div>}
      {state.schema && rows.length === 0 && (
        <div className="tree-message">{filter ? `Nothing matches "${filter}"` : 'No tables'}</div>
      )}
      <div className="tree" ref={scroller} role="tree" aria-label="Schema">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <Line
              key={rows[item.index]!.key}
              row={rows[item.index]!}
              top={item.start}
              onToggleNamespace={(name) => setCollapsed((previous) => toggle(previous, name))}
              onToggleObject={toggleObject}
              onShow={onShow}
              onOpenRows={onOpenRows}
            />
          ))}
        </div>
      </div>
    </div>
  )
}

interface LineProps {
  row: TreeRow
  top: number
  onToggleNamespace(name: string): void
  onToggleObject(object: SchemaObject): void
  onShow(object: SchemaObject): void
  onOpenRows(object: SchemaObject): void
}

function Line({ row, top, onToggleNamespace, onToggleObject, onShow, onOpenRows }: LineProps) {
  const style = {
    transform: `translateY(${top}px)`,
    height: rowHeight,
    paddingLeft: (row.level - 1) * 14,
  }
  const caret = (open: boolean) => (
    <span className="tree-caret" aria-hidden="true">
      {open ? '▾' : '▸'}
    </span>
  )
  switch (row.type) {
    case 'namespace':
      return (
        <div
          className="tree-line"
          style={style}
          role="treeitem"
          aria-level={1}
          aria-expanded={row.expanded}
          aria-label={row.name}
        >
          <button className="tree-toggle" onClick={() => onToggleNamespace(row.name)}>
            {caret(row.expanded)}
            <span className="tree-namespace">{row.name}</span>
            <span className="tree-count">{row.count.toLocaleString('en')}</span>
          </button>
        </div>
      )
    case 'object': {
      const { object } = row
      const estimate = rowEstimateText(object.rowEstimate)
      return (
        <div
          className="tree-line"
          style={style}
          role="treeitem"
          aria-level={2}
          aria-expanded={row.expanded}
          aria-label={object.name}
        >
          <button
            className="tree-caret-button"
            onClick={() => onToggleObject(object)}
            aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${object.name}`}
          >
            {caret(row.expanded)}
          </button>
          <button
            className="tree-toggle"
            onClick={() => onShow(object)}
            onDoubleClick={() => onOpenRows(object)}
            aria-label={`Show ${object.name}`}
            title="Click for the table view, double-click for rows"
          >
            <span className={`tree-kind kind-${object.kind}`} aria-hidden="true">
              {object.kind === 'view' ? 'V' : 'T'}
            </span>
            {object.name}
            <span className="tree-count" title={estimate.title}>
              {estimate.short}
            </span>
          </button>
          <button
            className="tree-open"
            onClick={() => onOpenRows(object)}
            aria-label={`Open ${object.name}`}
            title="Open rows"
          >
            ▶
          </button>
        </div>
      )
    }
    case 'group':
      return (
        <div
          className="tree-line tree-group"
          style={style}
          role="treeitem"
          aria-level={3}
          aria-label={row.label}
        >
          {row.label}
        </div>
      )
    case 'item':
      return (
        <div
          className="tree-line tree-column"
          style={style}
          role="treeitem"
          aria-level={4}
          aria-label={row.label}
          title={row.detail}
        >
          <span className={row.primary ? 'column-pk' : ''}>{row.label}</span>
          <span className="column-type">{row.detail}</span>
        </div>
      )
    case 'message':
      return (
        <div
          className={`tree-line tree-message${row.error ? ' error-text' : ''}`}
          style={style}
          role="treeitem"
          aria-level={3}
        >
          {row.text}
        </div>
      )
  }
}

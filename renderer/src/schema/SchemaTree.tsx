import { useVirtualizer } from '@tanstack/react-virtual'
import {
  forwardRef,
  useDeferredValue,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import type { SchemaObject } from '../../../shared/contract'
import { Menu, type MenuItem } from '../workspace/Menu'
import { rowEstimateText } from './describeText'
import type { ObjectActions } from './ObjectActions'
import { otherMenu, tableMenu } from './objectMenu'
import type { SchemaStore } from './SchemaStore'
import { folderKey, folderLabels, objectKey, treeRows, type TreeRow } from './treeRows'

interface Props {
  store: SchemaStore
  actions: ObjectActions
  /** A name for the tree: the connection it shows. */
  label: string
}

export interface SchemaTreeHandle {
  focus(): void
}

const rowHeight = 24

/**
 * Schemas → tables and views (→ columns, indexes, foreign keys, triggers) and
 * folders of the other objects. Names arrive all at once and a table's
 * details when it is expanded; only the lines in view are in the DOM, and the
 * filter runs on a deferred value, so typing stays smooth over 10,000 tables.
 * One tab stop: arrows move, Right/Left expand and collapse, Enter opens a
 * table's data, Shift+F10 or the context-menu key opens the object's menu.
 */
export const SchemaTree = forwardRef<SchemaTreeHandle, Props>(function SchemaTree(
  { store, actions, label },
  ref,
) {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const [filter, setFilter] = useState('')
  const deferredFilter = useDeferredValue(filter)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [folders, setFolders] = useState<ReadonlySet<string>>(new Set())
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [menu, setMenu] = useState<{
    items: MenuItem[]
    x: number
    y: number
    name: string
  } | null>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const tree = useRef<HTMLDivElement>(null)
  useImperativeHandle(ref, () => ({ focus: () => tree.current?.focus() }))

  const rows = useMemo(
    () =>
      state.schema
        ? treeRows({
            schema: state.schema,
            others: state.others,
            filter: deferredFilter,
            collapsedNamespaces: collapsed,
            expandedObjects: expanded,
            expandedFolders: folders,
            details: state.details,
          })
        : [],
    [state.schema, state.others, state.details, deferredFilter, collapsed, expanded, folders],
  )
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 15,
  })
  const activeIndex = Math.max(
    0,
    rows.findIndex((r) => r.key === activeKey),
  )
  const active = rows[activeIndex]

  const toggleIn = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set)
    if (!next.delete(key)) next.add(key)
    return next
  }
  const toggleObject = (object: SchemaObject) => {
    const key = objectKey(object)
    if (!expanded.has(key)) store.describe(object)
    setExpanded((previous) => toggleIn(previous, key))
  }
  /** Expands (true) or collapses (false) a row; null when it has nothing to expand. */
  const setOpen = (row: TreeRow, open: boolean): boolean => {
    if (!('expanded' in row) || row.expanded === open) return false
    if (row.type === 'namespace') setCollapsed((p) => toggleIn(p, row.name))
    else if (row.type === 'object') toggleObject(row.object)
    else if (row.type === 'folder')
      setFolders((p) => toggleIn(p, folderKey(row.namespace, row.kind)))
    return true
  }
  const menuFor = (row: TreeRow): MenuItem[] | null =>
    row.type === 'object'
      ? tableMenu(row.object, actions)
      : row.type === 'other'
        ? otherMenu(row.object, actions)
        : null
  const openMenu = (row: TreeRow, x: number, y: number) => {
    const items = menuFor(row)
    const name = row.type === 'object' || row.type === 'other' ? row.object.name : ''
    if (items) setMenu({ items, x, y, name })
  }
  const activate = (row: TreeRow) => {
    if (row.type === 'object') actions.openData(row.object)
    else if (row.type === 'other') actions.openDefinition(row.object)
    else setOpen(row, !('expanded' in row && row.expanded))
  }
  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))]
    if (!row) return
    setActiveKey(row.key)
    virtualizer.scrollToIndex(rows.indexOf(row))
  }
  const parentIndex = (index: number) => {
    const level = rows[index]!.level
    for (let i = index - 1; i >= 0; i--) if (rows[i]!.level < level) return i
    return index
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!active) return
    const key = event.key
    if (key === 'ArrowDown') moveTo(activeIndex + 1)
    else if (key === 'ArrowUp') moveTo(activeIndex - 1)
    else if (key === 'Home') moveTo(0)
    else if (key === 'End') moveTo(rows.length - 1)
    else if (key === 'PageDown') moveTo(activeIndex + 20)
    else if (key === 'PageUp') moveTo(activeIndex - 20)
    else if (key === 'ArrowRight') {
      if (!setOpen(active, true)) moveTo(activeIndex + 1)
    } else if (key === 'ArrowLeft') {
      if (!setOpen(active, false)) moveTo(parentIndex(activeIndex))
    } else if (key === 'Enter') activate(active)
    else if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) {
      const box = document.getElementById(lineId(active))?.getBoundingClientRect()
      openMenu(active, box?.left ?? 0, box?.bottom ?? 0)
    } else return
    event.preventDefault()
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
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault()
              tree.current?.focus()
            }
          }}
        />
        <button onClick={() => store.refresh()} aria-label="Refresh schema" title="Refresh schema">
          ⟳
        </button>
      </div>
      {state.error && <div className="tree-message error-text">{state.error}</div>}
      {state.othersError && (
        <div className="tree-message error-text">Other objects: {state.othersError}</div>
      )}
      {!state.schema && !state.error && <div className="tree-message">Loading schema…</div>}
      {state.schema && rows.length === 0 && (
        <div className="tree-message">{filter ? `Nothing matches "${filter}"` : 'No tables'}</div>
      )}
      <div className="tree-scroller" ref={scroller}>
        <div
          className="tree"
          role="tree"
          aria-label={label}
          tabIndex={0}
          ref={tree}
          aria-activedescendant={active ? lineId(active) : undefined}
          onKeyDown={onKeyDown}
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!
            return (
              <Line
                key={row.key}
                row={row}
                top={item.start}
                active={row === active}
                onSelect={() => setActiveKey(row.key)}
                onToggle={() => setOpen(row, !('expanded' in row && row.expanded))}
                onActivate={() => activate(row)}
                onMenu={(x, y) => {
                  setActiveKey(row.key)
                  openMenu(row, x, y)
                }}
              />
            )
          })}
        </div>
      </div>
      {menu && (
        <Menu
          label={`Actions on ${menu.name}`}
          items={menu.items}
          at={{ x: menu.x, y: menu.y }}
          onClose={(refocus) => {
            setMenu(null)
            if (refocus) tree.current?.focus()
          }}
        />
      )}
    </div>
  )
})

function lineId(row: TreeRow): string {
  return `tree-${encodeURIComponent(row.key)}`
}

interface LineProps {
  row: TreeRow
  top: number
  active: boolean
  onSelect(): void
  onToggle(): void
  onActivate(): void
  onMenu(x: number, y: number): void
}

function Line({ row, top, active, onSelect, onToggle, onActivate, onMenu }: LineProps) {
  const style = {
    transform: `translateY(${top}px)`,
    height: rowHeight,
    paddingLeft: (row.level - 1) * 14,
  }
  const common = {
    id: lineId(row),
    className: `tree-line${active ? ' active' : ''} tree-${row.type}`,
    style,
    role: 'treeitem',
    'aria-level': row.level,
    'aria-selected': active,
    onClick: onSelect,
    onContextMenu: (event: React.MouseEvent) => {
      event.preventDefault()
      onMenu(event.clientX, event.clientY)
    },
  } as const
  const caret = (open: boolean, name: string) => (
    <button
      className="tree-caret-button"
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation()
        onSelect()
        onToggle()
      }}
      aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`}
    >
      {open ? '▾' : '▸'}
    </button>
  )
  switch (row.type) {
    case 'namespace':
      return (
        <div
          {...common}
          aria-expanded={row.expanded}
          aria-label={row.name}
          onDoubleClick={onToggle}
        >
          {caret(row.expanded, row.name)}
          <span className="tree-name tree-namespace">{row.name}</span>
          <span className="tree-detail">{row.count.toLocaleString('en')}</span>
        </div>
      )
    case 'object': {
      const { object } = row
      const estimate = rowEstimateText(object.rowEstimate)
      return (
        <div
          {...common}
          aria-expanded={row.expanded}
          aria-label={object.name}
          title={`${object.name}: double-click or Enter opens its rows`}
          onDoubleClick={onActivate}
        >
          {caret(row.expanded, object.name)}
          <span className={`tree-kind kind-${object.kind}`} aria-hidden="true">
            {object.kind === 'view' ? 'V' : 'T'}
          </span>
          <span className="tree-name">{object.name}</span>
          <span className="tree-detail" title={estimate.title}>
            {estimate.short}
          </span>
        </div>
      )
    }
    case 'folder': {
      const label = folderLabels[row.kind]
      return (
        <div {...common} aria-expanded={row.expanded} aria-label={label} onDoubleClick={onToggle}>
          {caret(row.expanded, `${label} of ${row.namespace}`)}
          <span className="tree-name tree-folder">{label}</span>
          <span className="tree-detail">{row.count.toLocaleString('en')}</span>
        </div>
      )
    }
    case 'other':
      return (
        <div
          {...common}
          aria-label={row.object.name}
          title={`${row.object.name} ${row.object.detail}`}
          onDoubleClick={onActivate}
        >
          <span className={`tree-kind kind-${row.object.kind}`} aria-hidden="true">
            {row.object.kind[0]!.toUpperCase()}
          </span>
          <span className="tree-name">{row.object.name}</span>
          <span className="tree-detail">{row.object.detail}</span>
        </div>
      )
    case 'group':
      return (
        <div {...common} aria-label={row.label}>
          <span className="tree-name tree-group">{row.label}</span>
        </div>
      )
    case 'item':
      return (
        <div {...common} aria-label={row.label} title={`${row.label} ${row.detail}`}>
          <span className={`tree-name${row.primary ? ' column-pk' : ''}`}>{row.label}</span>
          <span className="tree-detail column-type">{row.detail}</span>
        </div>
      )
    case 'message':
      return (
        <div {...common} className={`${common.className}${row.error ? ' error-text' : ''}`}>
          {row.text}
        </div>
      )
  }
}

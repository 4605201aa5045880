import { useState } from 'react'
import type { TableSummary } from '../../../shared/contract'

interface Props {
  tables: TableSummary[] | null
  error: string | null
  onOpen(table: TableSummary): void
}

/** Tables and views; a click shows a table's columns, a double-click opens its rows. */
export function SchemaTree({ tables, error, onOpen }: Props) {
  const [expanded, setExpanded] = useState<Set<string>>(new Set())
  if (error) return <div className="tree-message error-text">{error}</div>
  if (!tables) return <div className="tree-message">Loading schema…</div>
  if (tables.length === 0) return <div className="tree-message">No tables</div>

  const toggle = (key: string) =>
    setExpanded((previous) => {
      const next = new Set(previous)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  return (
    <ul className="tree" role="tree" aria-label="Schema">
      {tables.map((table) => {
        const key = `${table.schema}.${table.name}`
        const open = expanded.has(key)
        return (
          <li key={key} role="treeitem" aria-expanded={open} aria-label={table.name}>
            <div className="tree-row">
              <button
                className="tree-toggle"
                onClick={() => toggle(key)}
                onDoubleClick={() => onOpen(table)}
                title="Click for columns, double-click for rows"
              >
                <span className="tree-caret" aria-hidden="true">
                  {open ? '▾' : '▸'}
                </span>
                <span className={`tree-kind kind-${table.kind}`} aria-hidden="true">
                  {table.kind === 'view' ? 'V' : 'T'}
                </span>
                {table.name}
              </button>
              <button
                className="tree-open"
                onClick={() => onOpen(table)}
                aria-label={`Open ${table.name}`}
                title="Open rows"
              >
                ▶
              </button>
            </div>
            {open && (
              <ul role="group">
                {table.columns.map((column) => (
                  <li
                    key={column.name}
                    role="treeitem"
                    className="tree-column"
                    aria-label={column.name}
                  >
                    <span className={column.primaryKey ? 'column-pk' : ''}>{column.name}</span>
                    <span className="column-type">
                      {column.type}
                      {column.nullable ? '' : ' not null'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        )
      })}
    </ul>
  )
}

import { useState } from 'react'
import type { DialectName } from '../../../shared/connectionUrl'
import type { SchemaObject } from '../../../shared/contract'
import { columnType, foreignKeyText, indexText, rowEstimateText } from '../schema/describeText'
import type { Details } from '../schema/treeRows'
import { DdlViewer } from './DdlViewer'

interface Props {
  dialect: DialectName
  object: SchemaObject
  details: Details | undefined
  onOpenRows(): void
  /** Opens the JSON editor on this table. */
  onQueryJson(): void
  onExport(): void
}

const tabs = ['Columns', 'Indexes', 'Foreign keys', 'Checks', 'DDL'] as const
type Tab = (typeof tabs)[number]

/** One table or view: its structure by tab, and the DDL that creates it. */
export function TableView({ dialect, object, details, onOpenRows, onQueryJson, onExport }: Props) {
  const [tab, setTab] = useState<Tab>('Columns')
  const estimate = rowEstimateText(object.rowEstimate)
  return (
    <section className="table-view" aria-label={`Table ${object.name}`}>
      <header className="table-view-header">
        <h2>{object.name}</h2>
        <span className="table-view-meta" title={estimate.title}>
          {object.kind} in {object.schema}
          {object.rowEstimate !== null && ` · ${estimate.title.toLowerCase()}`}
        </span>
        <button onClick={onOpenRows}>Open rows</button>
        <button onClick={onQueryJson}>Query JSON</button>
        <button onClick={onExport}>Export…</button>
      </header>
      <div className="tabs" role="tablist">
        {tabs.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {name}
          </button>
        ))}
      </div>
      <div className="table-view-body" role="tabpanel" aria-label={tab}>
        {!details || details.state === 'loading' ? (
          <p className="tree-message">Loading…</p>
        ) : details.state === 'error' ? (
          <p className="tree-message error-text">{details.message}</p>
        ) : tab === 'DDL' ? (
          <DdlViewer dialect={dialect} ddl={details.ddl} />
        ) : (
          <DetailTable tab={tab} details={details} />
        )}
      </div>
    </section>
  )
}

function DetailTable({
  tab,
  details,
}: {
  tab: Exclude<Tab, 'DDL'>
  details: Extract<Details, { state: 'ready' }>
}) {
  const rows = detailRows(tab, details)
  const headings: Record<typeof tab, string[]> = {
    Columns: ['Name', 'Type', 'Default or expression', 'Collation', 'Comment'],
    Indexes: ['Name', 'Definition'],
    'Foreign keys': ['Name', 'Definition', 'Deferrable'],
    Checks: ['Name', 'Expression'],
  }
  if (rows.length === 0) return <p className="tree-message">No {tab.toLowerCase()}</p>
  return (
    <table className="detail-table">
      <thead>
        <tr>
          {headings[tab].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((cell, k) => (
              <td key={k}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The lines of one tab, a cell per heading. */
function detailRows(
  tab: Exclude<Tab, 'DDL'>,
  { table, view }: Extract<Details, { state: 'ready' }>,
): string[][] {
  const unnamed = (name: string) => name || '(unnamed)'
  switch (tab) {
    case 'Columns':
      if (!table) return view?.columns.map((c) => [c, '', '', '', '']) ?? []
      return table.columns.map((c) => [
        c.name,
        columnType(c),
        c.default ?? c.generated?.expression ?? '',
        c.collation ?? '',
        c.comment ?? '',
      ])
    case 'Indexes': {
      if (!table) return []
      const key = table.primaryKey
      return [
        ...(key ? [[key.name || '(primary key)', `(${key.columns.join(', ')}) primary key`]] : []),
        ...table.uniques.map((u) => [unnamed(u.name), `(${u.columns.join(', ')}) unique`]),
        ...table.indexes.map((i) => [i.name, indexText(i)]),
      ]
    }
    case 'Foreign keys':
      return (
        table?.foreignKeys.map((fk) => [unnamed(fk.name), foreignKeyText(fk), fk.deferrable]) ?? []
      )
    case 'Checks':
      return table?.checks.map((c) => [unnamed(c.name), c.expression]) ?? []
  }
}

import { useState } from 'react'
import type { DialectName } from '../../../shared/connectionUrl'
import { DdlViewer } from '../monaco/DdlViewer'
import { columnType, foreignKeyText, indexText } from '../schema/describeText'
import type { Details } from '../schema/treeRows'

interface Props {
  dialect: DialectName
  details: Details | undefined
}

const tabs = ['Columns', 'Indexes', 'Foreign keys', 'Checks', 'Triggers', 'DDL'] as const
type Tab = (typeof tabs)[number]

/** One table or view's structure by tab, and the DDL that creates it. */
export function StructureView({ dialect, details }: Props) {
  const [tab, setTab] = useState<Tab>('Columns')
  return (
    <div className="structure">
      <div className="tabs" role="tablist" aria-label="Structure">
        {tabs.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {name}
          </button>
        ))}
      </div>
      <div className="structure-body" role="tabpanel" aria-label={tab}>
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
    </div>
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
    Triggers: ['Name', 'Definition'],
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
    case 'Triggers':
      return table?.triggers.map((t) => [t.name, t.definition]) ?? []
  }
}

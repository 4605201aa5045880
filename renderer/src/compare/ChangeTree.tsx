import { useState } from 'react'
import { describeChange } from '../../../shared/schema/describeChange'
import type { Backfill, Rename, SchemaChange } from '../../../shared/schema/SchemaChange'
import { safetyLabels } from './safetyLabels'

interface Props {
  changes: SchemaChange[]
  candidates: Rename[]
  confirmed: Rename[]
  onRename(rename: Rename): void
  onUndoRename(rename: Rename): void
  onBackfill(backfill: Backfill): void
}

const groupOf = (change: SchemaChange) =>
  'table' in change ? change.table : change.kind.includes('View') ? '(views)' : '(schema)'

/**
 * The changes grouped by table, each with its safety badge. Possible renames
 * are asked beside the table they concern; a column that needs a value for
 * existing rows asks for it in place, as Django's questioner does.
 */
export function ChangeTree({
  changes,
  candidates,
  confirmed,
  onRename,
  onUndoRename,
  onBackfill,
}: Props) {
  const groups = new Map<string, SchemaChange[]>()
  for (const change of changes) {
    const group = groupOf(change)
    groups.set(group, [...(groups.get(group) ?? []), change])
  }
  for (const r of candidates) {
    const table = r.kind === 'table' ? r.from : r.table
    if (!groups.has(table)) groups.set(table, [])
  }
  if (changes.length === 0) return <p className="muted">No differences.</p>
  return (
    <ul className="change-tree" aria-label="Changes">
      {[...groups].map(([table, list]) => (
        <li key={table}>
          <div className="change-group">{table}</div>
          <ul>
            {list.map((change, i) => (
              <ChangeLine
                key={i}
                change={change}
                rename={confirmedRename(change, confirmed)}
                onUndoRename={onUndoRename}
                onBackfill={onBackfill}
              />
            ))}
            {candidates
              .filter((r) => (r.kind === 'table' ? r.from : r.table) === table)
              .map((r) => (
                <li key={`${r.from}→${r.to}`} className="change rename-prompt">
                  <span>
                    Was {r.kind} <b>{r.from}</b> renamed to <b>{r.to}</b>? Without a rename its data
                    is dropped.
                  </span>
                  <button onClick={() => onRename(r)} aria-label={`Rename ${r.from} to ${r.to}`}>
                    Yes, rename
                  </button>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}

function needsAnswer(change: SchemaChange): boolean {
  return (
    change.safety === 'needsValue' &&
    (change.kind === 'addColumn' || change.kind === 'alterColumn') &&
    change.backfill === null
  )
}

/** One change: its badge and words, why it is not safe, and what it still asks. */
function ChangeLine({
  change,
  rename,
  onUndoRename,
  onBackfill,
}: {
  change: SchemaChange
  rename: Rename | undefined
  onUndoRename(rename: Rename): void
  onBackfill(backfill: Backfill): void
}) {
  return (
    <li className="change">
      <span className={`badge safety-${change.safety}`}>{safetyLabels[change.safety]}</span>
      <span>{describeChange(change)}</span>
      {change.reason && <div className="muted change-reason">{change.reason}</div>}
      {needsAnswer(change) && <BackfillPrompt change={change} onBackfill={onBackfill} />}
      {rename && (
        <button className="link" onClick={() => onUndoRename(rename)}>
          Not a rename
        </button>
      )}
    </li>
  )
}

/** The confirmed rename a rename change came from, so the user can take it back. */
function confirmedRename(change: SchemaChange, confirmed: Rename[]): Rename | undefined {
  if (change.kind === 'renameColumn')
    return confirmed.find(
      (r) => r.kind === 'column' && r.from === change.from && r.to === change.to,
    )
  if (change.kind === 'renameTable')
    return confirmed.find(
      (r) => r.kind === 'table' && r.from === change.table && r.to === change.to,
    )
  return undefined
}

function BackfillPrompt({
  change,
  onBackfill,
}: {
  change: SchemaChange
  onBackfill(b: Backfill): void
}) {
  const [value, setValue] = useState('')
  if (change.kind !== 'addColumn' && change.kind !== 'alterColumn') return null
  const column = change.kind === 'addColumn' ? change.column.name : change.to.name
  return (
    <form
      className="backfill-prompt"
      onSubmit={(e) => {
        e.preventDefault()
        if (value.trim())
          onBackfill({
            namespace: change.namespace,
            table: change.table,
            column,
            value: value.trim(),
          })
      }}
    >
      <label>
        Value for existing rows of {column} (SQL, e.g. 0 or &apos;none&apos;)
        <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" disabled={!value.trim()}>
        Use value
      </button>
    </form>
  )
}

import { useState } from 'react'
import type { ObjectRef } from '../../../shared/contract'
import { minifyJson } from '../../../shared/json/minifyJson'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'
import { ErrorPanel } from '../errors/ErrorPanel'
import { JsonTree } from './JsonTree'
import type { SelectedCell } from './JsonView'

interface Props {
  client: SluiceClient
  connectionId: string
  object: ObjectRef
  cell: SelectedCell
  onFilterBy(lookup: string): void
  onOpenSql(sql: string): void
}

/** The selected value as a tree, and an editor that stages an UPDATE only for valid JSON. */
export function JsonCellPanel({
  client,
  connectionId,
  object,
  cell,
  onFilterBy,
  onOpenSql,
}: Props) {
  const [editing, setEditing] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [staged, setStaged] = useState<string | null>(null)
  const [error, setError] = useState<SluiceErrorData | null>(null)

  const stage = async () => {
    if (editing === null) return
    try {
      JSON.parse(editing)
    } catch (caught) {
      setProblem(`Not JSON: ${(caught as Error).message}`)
      return
    }
    // The value is written as compactly as it is shown, with every token as typed; an unchanged one is not written at all.
    const text = minifyJson(editing)
    if (text === JSON.stringify(cell.value)) {
      setProblem('Unchanged: nothing to stage')
      return
    }
    setProblem(null)
    try {
      const { sql } = await client.call('json.stageEdit', {
        connectionId,
        object,
        column: cell.column,
        key: cell.row,
        text,
      })
      setStaged(sql)
      setEditing(null)
    } catch (caught) {
      setError(toErrorData(caught))
    }
  }

  return (
    <aside className="json-cell" aria-label="JSON viewer">
      <header>
        <strong>{cell.column}</strong>
        <button onClick={() => setEditing(JSON.stringify(cell.value, null, 2))}>Edit</button>
      </header>
      <JsonTree value={cell.value} onFilterBy={onFilterBy} />
      {editing !== null && (
        <div className="json-edit">
          <textarea
            aria-label="New JSON value"
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
          />
          <button onClick={() => void stage()}>Stage</button>
          <button onClick={() => setEditing(null)}>Discard</button>
          {problem && (
            <p className="json-edit-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
      {error && <ErrorPanel error={error} />}
      {staged && (
        <div className="json-staged">
          <p>Staged, not yet run:</p>
          <pre aria-label="Staged change">{staged}</pre>
          <button onClick={() => onOpenSql(staged + ';\n')}>Review in editor</button>
        </div>
      )}
    </aside>
  )
}

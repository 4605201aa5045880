import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../shared/contract'
import { toErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'

interface Props {
  client: SluiceClient
  /** Changes whenever a query is saved, so the list shows it. */
  saves: number
  onOpen(name: string): void
}

type Saved = MethodOutput<'savedQueries.list'>['queries']

/** The `.sql` files in Sluice's queries folder. */
export function SavedQueriesPanel({ client, saves, onOpen }: Props) {
  const [queries, setQueries] = useState<Saved>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client
      .call('savedQueries.list', {})
      .then((found) => setQueries(found.queries))
      .catch((failure: unknown) => setError(toErrorData(failure).message))
  }, [client, saves])

  return (
    <div className="side-list">
      {error && <p className="tree-message">{error}</p>}
      {!error && queries.length === 0 && (
        <p className="tree-message">No saved queries yet: Ctrl+S saves the tab you are in.</p>
      )}
      <ul aria-label="Saved queries">
        {queries.map((query) => (
          <li key={query.name}>
            <button className="side-item" onClick={() => onOpen(query.name)}>
              {query.name}
              <span className="side-detail">{new Date(query.modifiedAt).toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

import { useEffect, useState } from 'react'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import { DdlViewer } from '../monaco/DdlViewer'
import { ErrorPanel } from '../errors/ErrorPanel'
import type { SavedTab } from '../workspace/savedWorkspace'
import type { ViewTab } from '../workspace/ViewTab'
import { folderLabels } from './treeRows'

type Definition = Extract<SavedTab, { kind: 'definition' }>

interface Props {
  tab: ViewTab<Definition>
}

/** A sequence, type, routine, trigger or event: its DDL as the server prints it. */
export function DefinitionView({ tab }: Props) {
  const { object } = tab.initial
  const { session } = tab
  const [ddl, setDdl] = useState<string | null>(null)
  const [error, setError] = useState<SluiceErrorData | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => session.onSchemaChange(() => setGeneration((g) => g + 1)), [session])
  useEffect(() => {
    const connectionId = session.connectionId
    if (!connectionId) return
    let current = true
    session.client
      .call('schema.definition', {
        connectionId,
        object: {
          schema: object.schema,
          name: object.name,
          kind: object.kind,
          identity: object.identity,
        },
      })
      .then((answer) => {
        if (!current) return
        setDdl(answer.ddl)
        setError(null)
      })
      .catch((failure: unknown) => current && setError(toErrorData(failure)))
    return () => {
      current = false
    }
  }, [session, object, generation])

  const kind = folderLabels[object.kind as keyof typeof folderLabels] ?? object.kind
  return (
    <section className="definition" aria-label={`Definition of ${object.name}`}>
      <header className="table-tab-header">
        <h2>{object.name}</h2>
        <span className="muted">
          {kind.replace(/s$/, '').toLowerCase()} in {object.schema}
        </span>
      </header>
      {error && <ErrorPanel error={error} />}
      {ddl !== null && (
        <DdlViewer dialect={session.dialect} ddl={ddl} label={`Definition of ${object.name}`} />
      )}
    </section>
  )
}

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { ConnectionInfo, SchemaObject } from '../../shared/contract'
import { SluiceError, type SluiceErrorData } from '../../shared/errors'
import { qualifiedName } from '../../shared/sql/quote'
import { createClient } from './client/createClient'
import { ConnectDialog } from './components/ConnectDialog'
import { ErrorPanel } from './components/ErrorPanel'
import { ResultsGrid } from './components/ResultsGrid'
import { SchemaBrowser } from './components/SchemaBrowser'
import { SqlEditor, type SqlEditorHandle } from './components/SqlEditor'
import { StatusBar } from './components/StatusBar'
import { TableView } from './components/TableView'
import { QueryRun, type QuerySnapshot } from './query/QueryRun'
import { changesSchema } from './schema/changesSchema'
import { objectKey } from './schema/treeRows'
import { useSchema } from './schema/useSchema'

const starterSql = `-- Ctrl+Enter runs the statement under the cursor, or the selection.
SELECT name, json_extract(data, '$.type') AS type FROM pets;
`

const noSnapshot = () => null
const noSubscribe = () => () => undefined

function toErrorData(error: unknown): SluiceErrorData {
  return error instanceof SluiceError ? error.data : { code: 'INTERNAL', message: String(error) }
}

export function App() {
  const client = useMemo(createClient, [])
  const editor = useRef<SqlEditorHandle>(null)
  const [connection, setConnection] = useState<ConnectionInfo | null>(null)
  const schema = useSchema(client, connection?.connectionId ?? null)
  /** The table view on show, or null for the query editor. */
  const [shown, setShown] = useState<SchemaObject | null>(null)
  const [startupError, setStartupError] = useState<SluiceErrorData | null>(null)
  const [showConnect, setShowConnect] = useState(false)
  const [run, setRun] = useState<QueryRun | null>(null)
  const snapshot: QuerySnapshot | null = useSyncExternalStore(
    run?.subscribe ?? noSubscribe,
    run?.getSnapshot ?? noSnapshot,
  )

  const connect = useCallback(
    async (url: string) => {
      const opened = await client.call('connection.open', { url })
      if (connection)
        void client
          .call('connection.close', { connectionId: connection.connectionId })
          .catch(() => undefined)
      setConnection(opened)
      setRun(null)
      setShown(null)
      setShowConnect(false)
    },
    [client, connection],
  )

  useEffect(() => {
    client
      .call('app.info', {})
      .then((info) => (info.startUrl ? connect(info.startUrl) : setShowConnect(true)))
      .catch((error: unknown) => setStartupError(toErrorData(error)))
    // Runs once, on start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const execute = useCallback(
    (sql: string, offset: number) => {
      if (!connection || run?.getSnapshot().status === 'running') return
      editor.current?.clearMarks()
      setRun(new QueryRun(client, connection.connectionId, sql, offset).start())
    },
    [client, connection, run],
  )

  const runCurrent = useCallback(() => {
    const target = editor.current?.runTarget()
    if (target?.sql) execute(target.sql, target.offset)
  }, [execute])

  const openRows = useCallback(
    (object: SchemaObject) => {
      if (!connection) return
      const sql = `SELECT * FROM ${qualifiedName(connection.dialect, object.schema, object.name)}`
      setShown(null)
      editor.current?.setText(sql + '\n')
      execute(sql, 0)
    },
    [connection, execute],
  )

  const showObject = useCallback(
    (object: SchemaObject) => {
      schema.describe(object)
      setShown(object)
    },
    [schema],
  )

  // The browser follows DDL run in the editor.
  const refreshSchema = schema.refresh
  useEffect(() => {
    if (run && snapshot?.status === 'done' && changesSchema(run.sql)) refreshSchema()
  }, [run, snapshot?.status, refreshSchema])

  useEffect(() => {
    const error = snapshot?.error
    if (run && error?.position !== undefined)
      editor.current?.markError(run.offset + error.position - 1, error.message)
  }, [run, snapshot?.error])

  const running = snapshot?.status === 'running'
  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Sluice</span>
        <span className="connection-title" data-testid="connection-title">
          {connection ? `${connection.title} · ${connection.serverVersion}` : 'Not connected'}
        </span>
        <button onClick={() => setShowConnect(true)}>Connect…</button>
        <button
          className="primary"
          onClick={runCurrent}
          disabled={!connection || running}
          title="Ctrl+Enter"
        >
          Run
        </button>
      </header>
      <div className="body">
        <aside className="sidebar">
          {connection && <SchemaBrowser state={schema} onShow={showObject} onOpenRows={openRows} />}
        </aside>
        <main className="workspace">
          <nav className="workspace-tabs" role="tablist" aria-label="Workspace">
            <button role="tab" aria-selected={shown === null} onClick={() => setShown(null)}>
              Query
            </button>
            {shown && (
              <button role="tab" aria-selected="true">
                {shown.name}
              </button>
            )}
          </nav>
          {shown && connection && (
            <TableView
              key={objectKey(shown)}
              dialect={connection.dialect}
              object={shown}
              details={schema.details.get(objectKey(shown))}
              onOpenRows={() => openRows(shown)}
            />
          )}
          <div className="query-pane" hidden={shown !== null}>
            <SqlEditor
              ref={editor}
              dialect={connection?.dialect ?? 'sqlite'}
              initialText={starterSql}
              onRun={runCurrent}
            />
            <section className="results">
              {startupError && <ErrorPanel error={startupError} />}
              {snapshot?.error && <ErrorPanel error={snapshot.error} />}
              {run && snapshot && snapshot.columns.length > 0 && (
                <ResultsGrid
                  columns={snapshot.columns}
                  rows={run.rows}
                  rowCount={snapshot.rowCount}
                />
              )}
            </section>
            <StatusBar
              snapshot={snapshot}
              connectionTitle={connection?.dialect ?? ''}
              onCancel={() => void run?.cancel()}
            />
          </div>
        </main>
      </div>
      {showConnect && (
        <ConnectDialog client={client} onConnect={connect} onClose={() => setShowConnect(false)} />
      )}
    </div>
  )
}

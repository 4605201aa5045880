import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { ConnectionInfo, TableSummary } from '../../shared/contract'
import { SluiceError, type SluiceErrorData } from '../../shared/errors'
import { qualifiedName } from '../../shared/sql/quote'
import { createClient } from './client/createClient'
import { ConnectDialog } from './components/ConnectDialog'
import { ErrorPanel } from './components/ErrorPanel'
import { ResultsGrid } from './components/ResultsGrid'
import { SchemaTree } from './components/SchemaTree'
import { SqlEditor, type SqlEditorHandle } from './components/SqlEditor'
import { StatusBar } from './components/StatusBar'
import { QueryRun, type QuerySnapshot } from './query/QueryRun'

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
  const [tables, setTables] = useState<TableSummary[] | null>(null)
  const [schemaError, setSchemaError] = useState<string | null>(null)
  const [startupError, setStartupError] = useState<SluiceErrorData | null>(null)
  const [showConnect, setShowConnect] = useState(false)
  const [run, setRun] = useState<QueryRun | null>(null)
  const snapshot: QuerySnapshot | null = useSyncExternalStore(
    run?.subscribe ?? noSubscribe,
    run?.getSnapshot ?? noSnapshot,
  )

  const loadTables = useCallback(
    async (connectionId: string) => {
      setTables(null)
      setSchemaError(null)
      try {
        setTables((await client.call('schema.tables', { connectionId })).tables)
      } catch (error) {
        setSchemaError(toErrorData(error).message)
      }
    },
    [client],
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
      setShowConnect(false)
      await loadTables(opened.connectionId)
    },
    [client, connection, loadTables],
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

  const openTable = useCallback(
    (table: TableSummary) => {
      if (!connection) return
      const sql = `SELECT * FROM ${qualifiedName(connection.dialect, table.schema, table.name)}`
      editor.current?.setText(sql + '\n')
      execute(sql, 0)
    },
    [connection, execute],
  )

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
          {connection && <SchemaTree tables={tables} error={schemaError} onOpen={openTable} />}
        </aside>
        <main className="workspace">
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
        </main>
      </div>
      {showConnect && (
        <ConnectDialog client={client} onConnect={connect} onClose={() => setShowConnect(false)} />
      )}
    </div>
  )
}

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { ConnectionInfo, SchemaObject } from '../../shared/contract'
import { toErrorData, type SluiceErrorData } from '../../shared/errors'
import type { ShapeNode } from '../../shared/json/shape'
import { qualifiedName } from '../../shared/sql/quote'
import { createClient } from './client/createClient'
import { ConnectDialog } from './components/ConnectDialog'
import { EditorTabs } from './components/EditorTabs'
import { ErrorPanel } from './components/ErrorPanel'
import { ExportDialog, type ExportSource } from './components/ExportDialog'
import { HistoryPanel } from './components/HistoryPanel'
import { ResultTabs } from './components/ResultTabs'
import { SaveDialog } from './components/SaveDialog'
import { SavedQueriesPanel } from './components/SavedQueriesPanel'
import { SchemaBrowser } from './components/SchemaBrowser'
import { SqlEditor, type EditorCommands, type SqlEditorHandle } from './components/SqlEditor'
import { StatusBar } from './components/StatusBar'
import { TableView } from './components/TableView'
import { ColumnCatalog } from './editor/columnCatalog'
import { setCompletionSource } from './editor/completion'
import { CompareView } from './compare/CompareView'
import { JsonView } from './json/JsonView'
import { MigrationsPanel } from './migrations/MigrationsPanel'
import { languageOf } from './monaco/languageOf'
import { QueryTab, type Statement } from './query/QueryTab'
import type { ResultSnapshot } from './query/ResultSet'
import { changesSchema } from './schema/changesSchema'
import { objectKey } from './schema/treeRows'
import { useSchema } from './schema/useSchema'

const starterSql = `-- Ctrl+Enter runs the statement under the cursor or the selection; Ctrl+Shift+Enter runs them all.
SELECT name, json_extract(data, '$.type') AS type FROM pets;
`

type SidePanel = 'Schema' | 'History' | 'Saved'
const sidePanels: SidePanel[] = ['Schema', 'History', 'Saved']

const noSnapshot = () => null
const noSubscribe = () => () => undefined

export function App() {
  const client = useMemo(createClient, [])
  const editor = useRef<SqlEditorHandle>(null)
  const [connection, setConnection] = useState<ConnectionInfo | null>(null)
  const dialect = connection?.dialect ?? 'sqlite'
  const schema = useSchema(client, connection?.connectionId ?? null)
  /** The table view on show, or null for the query editor. */
  const [shown, setShown] = useState<SchemaObject | null>(null)
  /** A panel that covers the query pane and any open table: the migrations folder, or the schema compare view. */
  const [panel, setPanel] = useState<'migrations' | 'compare' | 'json' | null>(null)
  /** The table the JSON editor is open on. */
  const [jsonTable, setJsonTable] = useState<SchemaObject | null>(null)
  const [startupError, setStartupError] = useState<SluiceErrorData | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [showConnect, setShowConnect] = useState(false)
  const [exportDir, setExportDir] = useState('')
  const [exporting, setExporting] = useState<{ source: ExportSource; name: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const [side, setSide] = useState<SidePanel>('Schema')
  const [runs, setRuns] = useState(0)
  const [saves, setSaves] = useState(0)
  const [tabs, setTabs] = useState<QueryTab[]>(() => [new QueryTab(starterSql, languageOf.sqlite)])
  const [activeId, setActiveId] = useState(tabs[0]!.id)
  const active = tabs.find((t) => t.id === activeId) ?? tabs[0]!
  const tabState = useSyncExternalStore(active.subscribe, active.getSnapshot)
  const shownResult = tabState.shown === 'plan' ? undefined : tabState.results[tabState.shown]
  const snapshot: ResultSnapshot | null = useSyncExternalStore(
    shownResult?.subscribe ?? noSubscribe,
    shownResult?.getSnapshot ?? noSnapshot,
  )

  const columns = useMemo(
    () => (connection ? new ColumnCatalog(client, connection.connectionId) : null),
    [client, connection],
  )
  const objectsRef = useRef(schema.schema)
  objectsRef.current = schema.schema
  useEffect(() => {
    // Shapes are learned once per connection; the JSON editor's Refresh samples again.
    const shapes = new Map<string, Promise<ShapeNode | null>>()
    setCompletionSource(
      connection && columns
        ? {
            dialect: connection.dialect,
            objects: () => objectsRef.current,
            columns: (o) => columns.columns(o),
            jsonShape: async (object, column) => {
              const key = JSON.stringify([object.schema, object.name, column])
              let shape = shapes.get(key)
              if (!shape) {
                shape = client
                  .call('json.shape', {
                    connectionId: connection.connectionId,
                    object: { schema: object.schema, name: object.name },
                    column,
                  })
                  .then((answer) => answer.shape.root)
                  .catch(() => null)
                shapes.set(key, shape)
              }
              return shape
            },
          }
        : null,
    )
  }, [client, connection, columns])

  const connect = useCallback(
    async (url: string) => {
      const opened = await client.call('connection.open', { url })
      if (connection)
        void client
          .call('connection.close', { connectionId: connection.connectionId })
          .catch(() => undefined)
      for (const tab of tabs) {
        tab.closeResults()
        tab.setLanguage(languageOf[opened.dialect])
      }
      setConnection(opened)
      setShown(null)
      setJsonTable(null)
      setPanel(null)
      setShowConnect(false)
    },
    [client, connection, tabs],
  )

  useEffect(() => {
    client
      .call('app.info', {})
      .then((info) => {
        setExportDir(info.exportDir)
        return info.startUrl ? connect(info.startUrl) : setShowConnect(true)
      })
      .catch((error: unknown) => setStartupError(toErrorData(error)))
    // Runs once, on start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const addTab = useCallback(
    (text: string, savedName: string | null = null) => {
      const tab = new QueryTab(text, languageOf[dialect], savedName)
      setTabs((current) => [...current, tab])
      setActiveId(tab.id)
      setShown(null)
      return tab
    },
    [dialect],
  )

  const closeTab = (tab: QueryTab) => {
    const state = tab.getSnapshot()
    if (state.dirty && !window.confirm(`Discard the unsaved changes in “${state.title}”?`)) return
    tab.dispose()
    const rest = tabs.filter((t) => t !== tab)
    if (rest.length === 0) rest.push(new QueryTab('', languageOf[dialect]))
    setTabs(rest)
    if (tab === active) setActiveId(rest[Math.max(0, tabs.indexOf(tab) - 1)]!.id)
  }

  const execute = useCallback(
    async (tab: QueryTab, statements: Statement[]) => {
      if (!connection || statements.length === 0) return
      editor.current?.clearMarks()
      setMessage(null)
      const ran = await tab.run(client, connection.connectionId, statements)
      setRuns((n) => n + 1)
      // The browser and completion follow DDL run in the editor.
      if (ran.some((r) => r.getSnapshot().status === 'done' && changesSchema(r.sql))) {
        columns?.clear()
        schema.refresh()
      }
      const failed = ran.find((r) => r.getSnapshot().error?.position !== undefined)
      const error = failed?.getSnapshot().error
      if (failed && error?.position !== undefined)
        editor.current?.markError(failed.offset + error.position - 1, error.message)
    },
    [client, connection, columns, schema],
  )

  const explain = (analyze: boolean) => {
    const statement = editor.current?.currentStatement()
    if (!connection || !statement) return
    if (
      analyze &&
      !window.confirm(
        'EXPLAIN ANALYZE runs the statement to measure it. Sluice runs it in a transaction and rolls it back, but it still takes locks and time. Run it?',
      )
    )
      return
    void active.explain(client, connection.connectionId, statement.sql, analyze)
  }

  const save = async (tab: QueryTab, name: string) => {
    try {
      await client.call('savedQueries.write', { name, text: tab.model.getValue() })
      tab.markSaved(name)
      setSaves((n) => n + 1)
      setSaving(false)
    } catch (error) {
      setMessage(toErrorData(error).message)
    }
  }

  const openSaved = async (name: string) => {
    const open = tabs.find((t) => t.getSnapshot().savedName === name)
    if (open) {
      setActiveId(open.id)
      setShown(null)
      return
    }
    try {
      const { text } = await client.call('savedQueries.read', { name })
      addTab(text, name)
    } catch (error) {
      setMessage(toErrorData(error).message)
    }
  }

  const commands: EditorCommands = {
    run: () => {
      const statement = editor.current?.currentStatement()
      if (statement) void execute(active, [statement])
    },
    runAll: () => void execute(active, editor.current?.allStatements() ?? []),
    cancel: () => active.cancel(),
    save: () => {
      const name = active.getSnapshot().savedName
      if (name) void save(active, name)
      else setSaving(true)
    },
    format: () => {
      try {
        editor.current?.format()
      } catch (error) {
        setMessage(
          `Cannot format this SQL: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        )
      }
    },
  }

  const openRows = (object: SchemaObject) => {
    if (!connection) return
    const sql = `SELECT * FROM ${qualifiedName(connection.dialect, object.schema, object.name)}`
    setPanel(null)
    void execute(addTab(sql + '\n'), [{ sql, offset: 0 }])
  }

  const showObject = (object: SchemaObject) => {
    schema.describe(object)
    setShown(object)
    setPanel(null)
  }

  const running = tabState.running
  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Sluice</span>
        <span className="connection-title" data-testid="connection-title">
          {connection ? `${connection.title} · ${connection.serverVersion}` : 'Not connected'}
        </span>
        <button onClick={() => setShowConnect(true)}>Connect…</button>
        <button onClick={commands.format} title="Shift+Alt+F">
          Format
        </button>
        <button onClick={commands.save} title="Ctrl+S">
          Save
        </button>
        <button onClick={() => explain(false)} disabled={!connection || running}>
          Explain
        </button>
        {dialect === 'postgres' && (
          <button onClick={() => explain(true)} disabled={!connection || running}>
            Explain analyze
          </button>
        )}
        <button
          onClick={commands.runAll}
          disabled={!connection || running}
          title="Ctrl+Shift+Enter"
        >
          Run all
        </button>
        <button
          className="primary"
          onClick={commands.run}
          disabled={!connection || running}
          title="Ctrl+Enter"
        >
          Run
        </button>
      </header>
      <div className="body">
        <aside className="sidebar">
          <div className="side-tabs" role="tablist" aria-label="Side panel">
            {sidePanels.map((panel) => (
              <button
                key={panel}
                role="tab"
                aria-selected={side === panel}
                onClick={() => setSide(panel)}
              >
                {panel}
              </button>
            ))}
          </div>
          {side === 'Schema' && connection && (
            <SchemaBrowser state={schema} onShow={showObject} onOpenRows={openRows} />
          )}
          {side === 'History' && (
            <HistoryPanel client={client} runs={runs} onOpen={(sql) => addTab(sql)} />
          )}
          {side === 'Saved' && (
            <SavedQueriesPanel
              client={client}
              saves={saves}
              onOpen={(name) => void openSaved(name)}
            />
          )}
        </aside>
        <main className="workspace">
          <nav className="workspace-tabs" role="tablist" aria-label="Workspace">
            <button
              role="tab"
              aria-selected={shown === null && panel === null}
              onClick={() => {
                setShown(null)
                setPanel(null)
              }}
            >
              Query
            </button>
            {connection && (
              <button
                role="tab"
                aria-selected={panel === 'migrations'}
                onClick={() => setPanel('migrations')}
              >
                Migrations
              </button>
            )}
            {connection && (
              <button
                role="tab"
                aria-selected={panel === 'compare'}
                onClick={() => setPanel('compare')}
              >
                Compare
              </button>
            )}
            {jsonTable && (
              <button role="tab" aria-selected={panel === 'json'} onClick={() => setPanel('json')}>
                JSON: {jsonTable.name}
              </button>
            )}
            {shown && (
              <button role="tab" aria-selected={panel === null} onClick={() => setPanel(null)}>
                {shown.name}
              </button>
            )}
          </nav>
          {panel === 'compare' && connection && (
            <CompareView key={connection.connectionId} client={client} connection={connection} />
          )}
          {panel === 'migrations' && connection && (
            <MigrationsPanel
              key={connection.connectionId}
              client={client}
              connection={connection}
            />
          )}
          {panel === 'json' && connection && jsonTable && (
            <JsonView
              key={`${connection.connectionId} ${objectKey(jsonTable)}`}
              client={client}
              connection={connection}
              object={{ schema: jsonTable.schema, name: jsonTable.name }}
              onOpenSql={(sql) => {
                addTab(sql)
                setShown(null)
                setPanel(null)
              }}
            />
          )}
          {shown && connection && panel === null && (
            <TableView
              key={objectKey(shown)}
              dialect={connection.dialect}
              object={shown}
              details={schema.details.get(objectKey(shown))}
              onOpenRows={() => openRows(shown)}
              onQueryJson={() => {
                setJsonTable(shown)
                setPanel('json')
              }}
              onExport={() =>
                setExporting({
                  source: {
                    kind: 'table',
                    connectionId: connection.connectionId,
                    object: { schema: shown.schema, name: shown.name },
                  },
                  name: shown.name,
                })
              }
            />
          )}
          <div className="query-pane" hidden={shown !== null || panel !== null}>
            <EditorTabs
              tabs={tabs}
              active={active}
              onSelect={(tab) => setActiveId(tab.id)}
              onClose={closeTab}
              onNew={() => addTab('')}
            />
            <SqlEditor ref={editor} tab={active} dialect={dialect} commands={commands} />
            {startupError && <ErrorPanel error={startupError} />}
            <ResultTabs
              tab={active}
              state={tabState}
              onExport={(result) =>
                setExporting({
                  source: { kind: 'result', queryId: result.queryId },
                  name: 'result',
                })
              }
            />
            <StatusBar
              snapshot={snapshot}
              running={running}
              message={message ?? snapshot?.message ?? null}
              connectionTitle={connection?.dialect ?? ''}
              onCancel={commands.cancel}
            />
          </div>
        </main>
      </div>
      {showConnect && (
        <ConnectDialog client={client} onConnect={connect} onClose={() => setShowConnect(false)} />
      )}
      {exporting && (
        <ExportDialog
          client={client}
          source={exporting.source}
          folder={exportDir}
          name={exporting.name}
          onClose={() => setExporting(null)}
        />
      )}
      {saving && (
        <SaveDialog
          initialName={active.getSnapshot().title}
          onSave={(name) => void save(active, name)}
          onClose={() => setSaving(false)}
        />
      )}
    </div>
  )
}

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { CommandButton, CommandsProvider } from '../commands/CommandsProvider'
import type { CommandContext, SidePanel } from '../commands/commands'
import { ConnectDialog } from '../connections/ConnectDialog'
import { ExportDialog } from '../export/ExportDialog'
import { QueryTab } from '../query/QueryTab'
import type { SchemaTreeHandle } from '../schema/SchemaTree'
import type { HistoryEntry } from '../../../shared/contract'
import { toErrorData } from '../../../shared/errors'
import { applyTheme, isDark } from './applyTheme'
import { OverlaysProvider } from './ask'
import './workspace.css'
import type { ConnectionSession } from './ConnectionSession'
import { LayoutContext, type Layout } from './Layout'
import { objectActions } from './objectActions'
import { openJson, openQuery } from './openTabs'
import { ErrorDialog } from './ErrorDialog'
import type { Overlays } from './Overlays'
import { SessionView } from './SessionView'
import { Sidebar } from './Sidebar'
import { Splitter } from './Splitter'
import type { TabViewHooks } from './tabKinds'
import type { Workspace } from './Workspace'

interface Props {
  workspace: Workspace
  overlays: Overlays
  layout: Layout
  exportDir: string
  /** Something about the whole workspace to say in a band at the top (it cannot be kept, say). */
  notice?: string | null
}

/**
 * The workbench's parts: a title bar, the sidebar (connections, then the tree,
 * history or saved queries), and the connection in front with its tabs. It
 * composes; the state lives in the stores it is given.
 */
export function WorkspaceView({ workspace, overlays, layout, exportDir, notice }: Props) {
  const { sessions, activeSessionId } = useSyncExternalStore(
    workspace.subscribe,
    workspace.getSnapshot,
  )
  const sizes = useSyncExternalStore(layout.subscribe, layout.getSnapshot)
  const overlay = useSyncExternalStore(overlays.subscribe, overlays.getSnapshot)
  const [panel, setPanel] = useState<SidePanel>('Schema')
  const trees = useRef(new Map<string, SchemaTreeHandle | null>())
  const active = sessions.find((s) => s.id === activeSessionId) ?? null
  const info = useSyncExternalStore(
    active?.subscribe ?? noSubscribe,
    () => active?.getSnapshot().info ?? null,
  )

  useEffect(() => applyTheme(sizes.theme), [sizes.theme])

  const context = useCallback(
    (): CommandContext => ({
      workspace,
      overlays,
      layout,
      session: workspace.active,
      tab: workspace.active?.activeTab ?? null,
      view: {
        focusTree: () => trees.current.get(workspace.active?.id ?? '')?.focus(),
        showSidePanel: setPanel,
        exportDir,
      },
    }),
    [workspace, overlays, layout, exportDir],
  )

  const hooks = useMemo(
    (): TabViewHooks => ({
      layout,
      openSql: (session, sql) => openQuery(session, sql),
      exportResult: (result) =>
        overlays.show((close) => (
          <ExportDialog
            client={workspace.client}
            source={{ kind: 'result', queryId: result.queryId }}
            folder={exportDir}
            name="result"
            onClose={close}
          />
        )),
      exportTable: (tab) =>
        objectActions(tab.session, overlays, exportDir).exportRows({
          ...tab.object,
          kind: 'table',
          rowEstimate: null,
        }),
      queryJson: (tab) => openJson(tab.session, tab.object),
    }),
    [layout, overlays, workspace, exportDir],
  )
  const actions = useMemo(() => new Map<string, ReturnType<typeof objectActions>>(), [])
  const actionsFor = (session: ConnectionSession) => {
    let found = actions.get(session.id)
    if (!found) actions.set(session.id, (found = objectActions(session, overlays, exportDir)))
    return found
  }
  const reconnect = (session: ConnectionSession) =>
    overlays.show((close) => (
      <ConnectDialog
        client={workspace.client}
        initialUrl={session.url}
        reason={`Reconnect ${session.title}: add what the saved URL leaves out, such as the password.`}
        onConnect={async (url) => {
          await workspace.reconnect(session, url)
          close()
        }}
        onClose={close}
      />
    ))
  const connect = () =>
    overlays.show((close) => (
      <ConnectDialog
        client={workspace.client}
        onConnect={async (url) => {
          await workspace.open(url)
          close()
        }}
        onClose={close}
      />
    ))

  return (
    <CommandsProvider context={context}>
      <OverlaysProvider value={overlays}>
        <LayoutContext.Provider value={layout}>
          <div className="app">
            <header className="titlebar">
              <span className="brand">Sluice</span>
              <span className="connection-title" data-testid="connection-title">
                {active
                  ? `${active.title}${info ? ` · ${info.serverVersion}` : ''}`
                  : 'Not connected'}
              </span>
              <CommandButton command="tab.migrations" label="Migrations" />
              <CommandButton command="tab.compare" label="Compare" />
              <CommandButton command="view.palette" label="Commands" />
              <button
                onClick={() => layout.set({ theme: isDark(sizes.theme) ? 'light' : 'dark' })}
                aria-pressed={isDark(sizes.theme)}
                title="Dark theme (Commands → Follow the system theme to undo)"
              >
                Dark theme
              </button>
            </header>
            {notice && (
              <div className="workspace-notice" role="alert">
                {notice}
              </div>
            )}
            <div className="body">
              <aside className="sidebar" style={{ width: sizes.sidebarWidth }} aria-label="Sidebar">
                <Sidebar
                  workspace={workspace}
                  panel={panel}
                  onPanel={setPanel}
                  actionsFor={actionsFor}
                  treeRef={(session) => (handle) => trees.current.set(session.id, handle)}
                  onConnect={connect}
                  onReconnect={reconnect}
                  onOpenHistory={(entry) => openHistory(workspace, entry)}
                  onOpenSaved={(name) => void openSaved(active, overlays, name)}
                />
              </aside>
              <Splitter
                label="Resize the sidebar"
                orientation="vertical"
                value={sizes.sidebarWidth}
                min={160}
                max={900}
                onChange={(sidebarWidth) => layout.set({ sidebarWidth })}
              />
              <main className="workspace">
                {sessions.length === 0 && (
                  <div className="empty-session">
                    <p>No connection is open.</p>
                    <button onClick={connect}>Connect to a database…</button>
                  </div>
                )}
                {sessions.map((session) => (
                  <div key={session.id} className="session-frame" hidden={session !== active}>
                    <SessionView session={session} hooks={hooks} />
                  </div>
                ))}
              </main>
            </div>
            {overlay.current && (
              <div key={overlay.current.id}>{overlay.current.render(() => overlays.close())}</div>
            )}
          </div>
        </LayoutContext.Provider>
      </OverlaysProvider>
    </CommandsProvider>
  )
}

/**
 * A history entry's SQL in a new query tab on the connection it ran on, when
 * that connection is open (a statement meant for one database should not
 * land on another); else on the one in front, saying where it ran.
 */
function openHistory(workspace: Workspace, entry: HistoryEntry): void {
  const { sessions } = workspace.getSnapshot()
  const ranOn = sessions.find((s) => s.title === entry.connection)
  const session = ranOn ?? workspace.active
  if (!session) return
  workspace.activate(session)
  const tab = openQuery(session, entry.sql)
  if (!ranOn && tab instanceof QueryTab)
    tab.note(`This ran on ${entry.connection}, which is not open: it is here on ${session.title}.`)
}

/** A saved query in a tab: the one open already, or a new one. */
async function openSaved(
  session: ConnectionSession | null,
  overlays: Overlays,
  name: string,
): Promise<void> {
  if (!session) return
  const open = session
    .getSnapshot()
    .tabs.find((t) => t instanceof QueryTab && t.getSnapshot().savedName === name)
  if (open) return session.activate(open)
  try {
    const { text } = await session.client.call('savedQueries.read', { name })
    openQuery(session, text, name)
  } catch (error) {
    overlays.show((close) => (
      <ErrorDialog label={`Cannot open ${name}`} error={toErrorData(error)} onClose={close} />
    ))
  }
}

const noSubscribe = () => () => undefined

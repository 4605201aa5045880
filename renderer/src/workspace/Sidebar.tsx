import { useSyncExternalStore } from 'react'
import type { HistoryEntry } from '../../../shared/contract'
import type { SidePanel } from '../commands/commands'
import { ConnectionList } from '../connections/ConnectionList'
import { HistoryPanel } from '../query/HistoryPanel'
import { SavedQueriesPanel } from '../query/SavedQueriesPanel'
import type { ObjectActions } from '../schema/ObjectActions'
import { SchemaTree, type SchemaTreeHandle } from '../schema/SchemaTree'
import type { ConnectionSession } from './ConnectionSession'
import type { Workspace } from './Workspace'

interface Props {
  workspace: Workspace
  panel: SidePanel
  onPanel(panel: SidePanel): void
  actionsFor(session: ConnectionSession): ObjectActions
  /** Where each session's tree registers itself, so "focus the tree" can reach it. */
  treeRef(session: ConnectionSession): (handle: SchemaTreeHandle | null) => void
  onConnect(): void
  onReconnect(session: ConnectionSession): void
  onOpenHistory(entry: HistoryEntry): void
  onOpenSaved(name: string): void
}

const panels: SidePanel[] = ['Schema', 'History', 'Saved']

/** The open connections, and below them the schema tree of the one in front, the history or saved queries. */
export function Sidebar(props: Props) {
  const { workspace, panel } = props
  const { sessions, activeSessionId } = useSyncExternalStore(
    workspace.subscribe,
    workspace.getSnapshot,
  )
  const active = sessions.find((s) => s.id === activeSessionId) ?? null
  const activity = useSyncExternalStore(
    active?.subscribe ?? noSubscribe,
    () => active?.getSnapshot().activity ?? 0,
  )
  return (
    <>
      <ConnectionList
        workspace={workspace}
        onConnect={props.onConnect}
        onReconnect={props.onReconnect}
      />
      <div className="side-tabs" role="tablist" aria-label="Side panel">
        {panels.map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={panel === name}
            onClick={() => props.onPanel(name)}
          >
            {name}
          </button>
        ))}
      </div>
      {panel === 'Schema' &&
        sessions.map((session) => (
          <div key={session.id} className="side-panel" hidden={session !== active}>
            <SchemaTree
              ref={props.treeRef(session)}
              store={session.schema}
              actions={props.actionsFor(session)}
              label="Schema"
            />
          </div>
        ))}
      {panel === 'History' && (
        <HistoryPanel client={workspace.client} runs={activity} onOpen={props.onOpenHistory} />
      )}
      {panel === 'Saved' && (
        <SavedQueriesPanel client={workspace.client} saves={activity} onOpen={props.onOpenSaved} />
      )}
    </>
  )
}

const noSubscribe = () => () => undefined

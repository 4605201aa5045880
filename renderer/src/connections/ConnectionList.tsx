import { useSyncExternalStore } from 'react'
import { useCommandContext } from '../commands/CommandsProvider'
import { errorTitles } from '../errors/errorTitles'
import { confirmCloseSession } from '../workspace/commands'
import { connectionLabel } from './connectionLabel'
import type { ConnectionSession } from '../workspace/ConnectionSession'
import type { Workspace } from '../workspace/Workspace'

interface Props {
  workspace: Workspace
  onConnect(): void
  onReconnect(session: ConnectionSession): void
}

const dialectLabels = { sqlite: 'SQLite', postgres: 'PostgreSQL', mysql: 'MySQL' } as const

/** The open connections: pick one to bring its tree and tabs forward; each keeps its own tabs. */
export function ConnectionList({ workspace, onConnect, onReconnect }: Props) {
  const context = useCommandContext()
  const { sessions, activeSessionId } = useSyncExternalStore(
    workspace.subscribe,
    workspace.getSnapshot,
  )
  return (
    <nav className="connection-list" aria-label="Connections">
      <ul>
        {sessions.map((session) => (
          <SessionLine
            key={session.id}
            session={session}
            active={session.id === activeSessionId}
            onActivate={() => workspace.activate(session)}
            onClose={() =>
              void confirmCloseSession(context(), session).then(async (close) => {
                if (close) await workspace.close(session)
              })
            }
            onReconnect={() => onReconnect(session)}
          />
        ))}
      </ul>
      <button className="connect-button" onClick={onConnect}>
        Connect…
      </button>
    </nav>
  )
}

function SessionLine(props: {
  session: ConnectionSession
  active: boolean
  onActivate(): void
  onClose(): void
  onReconnect(): void
}) {
  const { session, active } = props
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot)
  return (
    <li className={`connection-line status-${state.status}`} data-active={active}>
      <button
        className="connection-name"
        aria-current={active ? 'true' : undefined}
        onClick={props.onActivate}
        title={session.title}
      >
        <span className={`dialect-badge dialect-${session.dialect}`}>
          {dialectLabels[session.dialect]}
        </span>
        <span className="connection-url">{connectionLabel(session.url)}</span>
        {state.status === 'connecting' && <span className="muted"> connecting…</span>}
      </button>
      <button
        className="connection-close"
        aria-label={`Close connection ${connectionLabel(session.url)}`}
        title="Close this connection"
        onClick={props.onClose}
      >
        ×
      </button>
      {state.status === 'failed' && state.error && (
        <div className="connection-error" role="alert">
          {errorTitles[state.error.code]}: {state.error.message}{' '}
          <button onClick={props.onReconnect}>Reconnect…</button>
        </div>
      )}
    </li>
  )
}

import { useSyncExternalStore } from 'react'
import { useCommandContext } from '../commands/CommandsProvider'
import { openQuery } from './openTabs'
import type { ConnectionSession } from './ConnectionSession'
import { confirmClose } from './commands'
import { TabStrip } from './TabStrip'
import { keepsViewMounted, TabView, type TabViewHooks } from './tabKinds'

interface Props {
  session: ConnectionSession
  hooks: TabViewHooks
}

/**
 * One connection's tabs: the strip and the view of the tab in front. A tab
 * whose state lives in its view (JSON, migrations, compare) stays mounted and
 * hidden; the others keep their state in their store and are drawn again
 * when shown, so a hidden tab costs no DOM.
 */
export function SessionView({ session, hooks }: Props) {
  const { tabs, activeTabId } = useSyncExternalStore(session.subscribe, session.getSnapshot)
  const context = useCommandContext()
  return (
    <div className="session">
      <TabStrip
        session={session}
        onNew={() => openQuery(session)}
        onClose={(tab) =>
          void confirmClose({ ...context(), session, tab }).then((close) => {
            if (close) session.closeTab(tab)
          })
        }
      />
      {tabs.length === 0 && (
        <div className="empty-session">
          <p>No tab is open on {session.title}.</p>
          <button onClick={() => openQuery(session)}>New query tab</button>
          <p className="muted">Double-click a table in the tree to see its rows.</p>
        </div>
      )}
      {tabs.map((tab) => (
        <div
          key={tab.id}
          className="tab-panel"
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== activeTabId}
        >
          {(tab.id === activeTabId || keepsViewMounted(tab)) && (
            <TabView tab={tab} session={session} active={tab.id === activeTabId} hooks={hooks} />
          )}
        </div>
      ))}
    </div>
  )
}

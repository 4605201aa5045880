import { CommandPalette } from '../commands/CommandPalette'
import { registerCommands, type CommandContext } from '../commands/commands'
import { ConnectDialog } from '../connections/ConnectDialog'
import { QueryTab } from '../query/QueryTab'
import { ask } from './ask'
import type { ConnectionSession } from './ConnectionSession'
import { isDark } from './applyTheme'
import { openCompare, openMigrations, openQuery } from './openTabs'

/** Asks before closing a tab with unsaved editor text; resolves true when it may close. */
export async function confirmClose(context: CommandContext): Promise<boolean> {
  const tab = context.tab
  if (!(tab instanceof QueryTab) || !tab.getSnapshot().dirty) return true
  const title = tab.getSnapshot().title
  return ask(context.overlays, {
    label: `Discard the unsaved text in ${title}?`,
    body: <p>{title} has text that is not saved. Closing the tab throws it away.</p>,
    confirm: 'Discard and close',
    danger: true,
  })
}

/** Asks before closing a connection whose tabs hold unsaved text, naming them; resolves true when it may close. */
export async function confirmCloseSession(context: CommandContext, session: ConnectionSession) {
  const unsaved = session
    .getSnapshot()
    .tabs.filter((t): t is QueryTab => t instanceof QueryTab && t.getSnapshot().dirty)
    .map((t) => t.getSnapshot().title)
  if (unsaved.length === 0) return true
  return ask(context.overlays, {
    label: `Close ${session.title}?`,
    body: (
      <p>
        Its tabs close with it, and {unsaved.join(', ')} {unsaved.length === 1 ? 'has' : 'have'}{' '}
        text that is not saved.
      </p>
    ),
    confirm: 'Close and discard',
    danger: true,
  })
}

const hasSession = (context: CommandContext) => context.session !== null
const hasTab = (context: CommandContext) => context.tab !== null

registerCommands([
  {
    id: 'connection.open',
    title: 'Connect to a database…',
    category: 'Connection',
    enabled: () => true,
    run: (context) =>
      context.overlays.show((close) => (
        <ConnectDialog
          client={context.workspace.client}
          onConnect={async (url) => {
            await context.workspace.open(url)
            close()
          }}
          onClose={close}
        />
      )),
  },
  {
    id: 'connection.close',
    title: 'Close this connection',
    category: 'Connection',
    enabled: hasSession,
    run: async (context) => {
      const session = context.session
      if (session && (await confirmCloseSession(context, session)))
        await context.workspace.close(session)
    },
  },
  {
    id: 'schema.refresh',
    title: 'Refresh the schema',
    category: 'Connection',
    enabled: (context) => context.session?.connectionId != null,
    run: (context) => context.session?.schemaChanged(),
  },
  {
    id: 'tab.newQuery',
    title: 'New query tab',
    category: 'Tabs',
    keys: ['Alt+T'],
    enabled: hasSession,
    run: (context) => void (context.session && openQuery(context.session)),
  },
  {
    id: 'tab.close',
    title: 'Close tab',
    category: 'Tabs',
    keys: ['Alt+W'],
    enabled: hasTab,
    run: async (context) => {
      const { session, tab } = context
      if (session && tab && (await confirmClose(context))) session.closeTab(tab)
    },
  },
  {
    id: 'tab.next',
    title: 'Next tab',
    category: 'Tabs',
    keys: ['Alt+PageDown'],
    enabled: hasTab,
    run: (context) => context.session?.cycle(1),
  },
  {
    id: 'tab.previous',
    title: 'Previous tab',
    category: 'Tabs',
    keys: ['Alt+PageUp'],
    enabled: hasTab,
    run: (context) => context.session?.cycle(-1),
  },
  {
    id: 'tab.migrations',
    title: 'Open migrations',
    category: 'Tabs',
    enabled: hasSession,
    run: (context) => void (context.session && openMigrations(context.session)),
  },
  {
    id: 'tab.compare',
    title: 'Compare schemas',
    category: 'Tabs',
    enabled: hasSession,
    run: (context) => void (context.session && openCompare(context.session)),
  },
  {
    id: 'focus.tree',
    title: 'Focus the schema tree',
    category: 'View',
    keys: ['Alt+Shift+S'],
    enabled: hasSession,
    run: (context) => {
      context.view.showSidePanel('Schema')
      requestAnimationFrame(() => context.view.focusTree())
    },
  },
  {
    id: 'focus.editor',
    title: 'Focus the editor',
    category: 'View',
    keys: ['Alt+Shift+E'],
    enabled: (context) => context.tab instanceof QueryTab,
    run: (context) => (context.tab as QueryTab).editor?.focus(),
  },
  {
    id: 'view.history',
    title: 'Show the query history',
    category: 'View',
    enabled: () => true,
    run: (context) => context.view.showSidePanel('History'),
  },
  {
    id: 'view.saved',
    title: 'Show saved queries',
    category: 'View',
    enabled: () => true,
    run: (context) => context.view.showSidePanel('Saved'),
  },
  {
    id: 'view.toggleTheme',
    title: 'Switch between dark and light',
    category: 'View',
    enabled: () => true,
    run: (context) =>
      context.layout.set({ theme: isDark(context.layout.getSnapshot().theme) ? 'light' : 'dark' }),
  },
  {
    id: 'view.systemTheme',
    title: 'Follow the system theme',
    category: 'View',
    enabled: (context) => context.layout.getSnapshot().theme !== 'system',
    run: (context) => context.layout.set({ theme: 'system' }),
  },
  {
    id: 'view.palette',
    title: 'Show all commands',
    category: 'View',
    keys: ['Mod+Shift+P', 'F1'],
    enabled: () => true,
    run: (context) =>
      context.overlays.show((close) => (
        <CommandPalette context={() => ({ ...context })} onClose={close} />
      )),
  },
])

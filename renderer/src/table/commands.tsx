import { registerCommands, type CommandContext } from '../commands/commands'
import { openJson } from '../workspace/openTabs'
import { objectActions } from '../workspace/objectActions'
import { TableTab } from './TableTab'

function tableTab(context: CommandContext): TableTab | null {
  return context.tab instanceof TableTab ? context.tab : null
}

/** The table tab in front shows data, and its page is not loading. */
function idle(context: CommandContext): TableTab | null {
  const tab = tableTab(context)
  if (!tab || tab.getSnapshot().view !== 'data') return null
  return tab.getSnapshot().result?.getSnapshot().status === 'running' ? null : tab
}

registerCommands([
  {
    id: 'table.refresh',
    title: 'Read the page again',
    category: 'Table',
    enabled: (context) => idle(context) !== null,
    run: (context) => void idle(context)?.refresh(),
  },
  {
    id: 'table.first',
    title: 'First page',
    category: 'Table',
    enabled: (context) => idle(context)?.getSnapshot().hasPrevious ?? false,
    run: (context) => void idle(context)?.first(),
  },
  {
    id: 'table.previous',
    title: 'Previous page',
    category: 'Table',
    enabled: (context) => idle(context)?.getSnapshot().hasPrevious ?? false,
    run: (context) => void idle(context)?.previous(),
  },
  {
    id: 'table.next',
    title: 'Next page',
    category: 'Table',
    enabled: (context) => idle(context)?.getSnapshot().hasNext ?? false,
    run: (context) => void idle(context)?.next(),
  },
  {
    id: 'table.last',
    title: 'Last page',
    category: 'Table',
    enabled: (context) => idle(context)?.getSnapshot().hasNext ?? false,
    run: (context) => void idle(context)?.last(),
  },
  {
    id: 'table.count',
    title: 'Count the rows exactly',
    category: 'Table',
    enabled: (context) => idle(context) !== null,
    run: (context) => void idle(context)?.countRows(),
  },
  {
    id: 'table.clearFilters',
    title: 'Clear the filters',
    category: 'Table',
    enabled: (context) => {
      const state = idle(context)?.getSnapshot()
      return state !== undefined && (state.filters.length > 0 || state.where !== '')
    },
    run: (context) => void idle(context)?.filter([], ''),
  },
  {
    id: 'table.toggleView',
    title: 'Switch between data and structure',
    category: 'Table',
    enabled: (context) => tableTab(context) !== null,
    run: (context) => {
      const tab = tableTab(context)
      tab?.setView(tab.getSnapshot().view === 'data' ? 'structure' : 'data')
    },
  },
  {
    id: 'table.queryJson',
    title: 'Query the JSON in this table',
    category: 'Table',
    enabled: (context) => tableTab(context) !== null,
    run: (context) => {
      const tab = tableTab(context)
      if (tab) openJson(tab.session, tab.object)
    },
  },
  {
    id: 'table.export',
    title: 'Export the table…',
    category: 'Table',
    enabled: (context) => tableTab(context)?.session.connectionId != null,
    run: (context) => {
      const tab = tableTab(context)
      if (!tab) return
      objectActions(tab.session, context.overlays, context.view.exportDir).exportRows({
        ...tab.object,
        kind: 'table',
        rowEstimate: null,
      })
    },
  },
])

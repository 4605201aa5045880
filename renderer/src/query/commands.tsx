import { registerCommands, type CommandContext } from '../commands/commands'
import { ask } from '../workspace/ask'
import { SaveDialog } from './SaveDialog'
import { QueryTab } from './QueryTab'

function queryTab(context: CommandContext): QueryTab | null {
  return context.tab instanceof QueryTab ? context.tab : null
}

/** The tab in front is a query tab on an open connection, not running. */
function canRun(context: CommandContext): boolean {
  const tab = queryTab(context)
  return tab !== null && tab.session.connectionId !== null && !tab.getSnapshot().running
}

registerCommands([
  {
    id: 'query.run',
    title: 'Run statement',
    category: 'Query',
    keys: ['Mod+Enter'],
    enabled: canRun,
    run: (context) => void queryTab(context)?.runCurrent(),
  },
  {
    id: 'query.runAll',
    title: 'Run all statements',
    category: 'Query',
    keys: ['Mod+Shift+Enter'],
    enabled: canRun,
    run: (context) => void queryTab(context)?.runAll(),
  },
  {
    id: 'query.cancel',
    title: 'Cancel the running statement',
    category: 'Query',
    keys: ['Mod+.'],
    enabled: (context) => queryTab(context)?.getSnapshot().running ?? false,
    run: (context) => queryTab(context)?.cancel(),
  },
  {
    id: 'query.explain',
    title: 'Explain the statement',
    category: 'Query',
    enabled: canRun,
    run: (context) => void queryTab(context)?.explain(false),
  },
  {
    id: 'query.explainAnalyze',
    title: 'Explain analyze the statement',
    category: 'Query',
    enabled: (context) => canRun(context) && context.session?.dialect === 'postgres',
    run: async (context) => {
      const ok = await ask(context.overlays, {
        label: 'Run the statement to measure it?',
        body: (
          <p>
            EXPLAIN ANALYZE runs the statement. Sluice runs it in a transaction and rolls it back,
            but it still takes locks and time.
          </p>
        ),
        confirm: 'Explain analyze',
      })
      if (ok) await queryTab(context)?.explain(true)
    },
  },
  {
    id: 'query.format',
    title: 'Format SQL',
    category: 'Query',
    keys: ['Shift+Alt+F'],
    enabled: (context) => queryTab(context) !== null,
    run: (context) => queryTab(context)?.format(),
  },
  {
    id: 'query.save',
    title: 'Save query',
    category: 'Query',
    keys: ['Mod+S'],
    enabled: (context) => queryTab(context) !== null,
    run: (context) => {
      const tab = queryTab(context)
      if (!tab) return
      const name = tab.getSnapshot().savedName
      if (name) return void tab.saveAs(name)
      context.overlays.show((close) => (
        <SaveDialog
          initialName={tab.getSnapshot().title}
          onSave={(chosen) => void tab.saveAs(chosen).then((saved) => saved && close())}
          onClose={close}
        />
      ))
    },
  },
])

import { useEffect, useRef, useSyncExternalStore } from 'react'
import { CommandButton } from '../commands/CommandsProvider'
import { ResultTabs } from './ResultTabs'
import { StatusBar } from './StatusBar'
import type { Layout } from '../workspace/Layout'
import { Splitter } from '../workspace/Splitter'
import type { QueryTab } from './QueryTab'
import type { ResultSet, ResultSnapshot } from './ResultSet'
import { SqlEditor } from './SqlEditor'
import './query.css'

interface Props {
  tab: QueryTab
  layout: Layout
  active: boolean
  onExport(result: ResultSet): void
}

/**
 * A query tab: its own toolbar (the commands act on this tab), the editor,
 * the results below a splitter whose place is remembered, and the status of
 * the result on show.
 */
export function QueryTabView({ tab, layout, active, onExport }: Props) {
  const state = useSyncExternalStore(tab.subscribe, tab.getSnapshot)
  const { editorShare } = useSyncExternalStore(layout.subscribe, layout.getSnapshot)
  const split = useRef<HTMLDivElement>(null)
  const shownResult = state.shown === 'plan' ? undefined : state.results[state.shown]
  const snapshot: ResultSnapshot | null = useSyncExternalStore(
    shownResult?.subscribe ?? noSubscribe,
    shownResult?.getSnapshot ?? noSnapshot,
  )

  useEffect(() => {
    if (active) requestAnimationFrame(() => tab.editor?.focus())
  }, [active, tab])

  const height = () => split.current?.clientHeight ?? 600
  const postgres = tab.session.dialect === 'postgres'
  return (
    <section className="query-tab" aria-label={state.title}>
      <div className="query-toolbar" role="toolbar" aria-label="Query actions">
        <CommandButton command="query.run" label="Run" className="primary" />
        <CommandButton command="query.runAll" label="Run all" />
        <CommandButton command="query.explain" label="Explain" />
        {postgres && <CommandButton command="query.explainAnalyze" label="Explain analyze" />}
        <CommandButton command="query.format" label="Format" />
        <CommandButton command="query.save" label="Save" />
      </div>
      <div className="query-split" ref={split}>
        <div className="query-editor" style={{ height: `${editorShare * 100}%` }}>
          <SqlEditor tab={tab} dialect={tab.session.dialect} />
        </div>
        <Splitter
          label="Resize the editor and results"
          orientation="horizontal"
          value={editorShare * height()}
          min={80}
          max={Math.max(120, height() - 80)}
          onChange={(px) => layout.set({ editorShare: px / height() })}
        />
        <ResultTabs tab={tab} state={state} onExport={onExport} />
      </div>
      <StatusBar
        snapshot={snapshot}
        running={state.running}
        message={state.message ?? snapshot?.message ?? null}
        connectionTitle={tab.session.title}
        onCancel={() => tab.cancel()}
      />
    </section>
  )
}

const noSnapshot = () => null
const noSubscribe = () => () => undefined

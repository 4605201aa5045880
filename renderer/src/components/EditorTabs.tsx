import { useSyncExternalStore } from 'react'
import type { QueryTab } from '../query/QueryTab'

interface Props {
  tabs: readonly QueryTab[]
  active: QueryTab
  onSelect(tab: QueryTab): void
  onClose(tab: QueryTab): void
  onNew(): void
}

/** The query tabs; a dot marks one with unsaved changes. */
export function EditorTabs({ tabs, active, onSelect, onClose, onNew }: Props) {
  return (
    <div className="editor-tabs" role="tablist" aria-label="Query tabs">
      {tabs.map((tab) => (
        <EditorTabButton
          key={tab.id}
          tab={tab}
          selected={tab === active}
          onSelect={() => onSelect(tab)}
          onClose={() => onClose(tab)}
        />
      ))}
      <button
        className="editor-tab-new"
        onClick={onNew}
        aria-label="New query tab"
        title="New query tab"
      >
        +
      </button>
    </div>
  )
}

function EditorTabButton(props: {
  tab: QueryTab
  selected: boolean
  onSelect(): void
  onClose(): void
}) {
  const state = useSyncExternalStore(props.tab.subscribe, props.tab.getSnapshot)
  return (
    <span className="editor-tab" data-selected={props.selected}>
      <button role="tab" aria-selected={props.selected} onClick={props.onSelect}>
        {state.title}
        {state.dirty && (
          <span className="unsaved" aria-label="unsaved changes" title="Unsaved changes">
            ●
          </span>
        )}
      </button>
      <button
        className="editor-tab-close"
        aria-label={`Close ${state.title}`}
        onClick={props.onClose}
      >
        ×
      </button>
    </span>
  )
}

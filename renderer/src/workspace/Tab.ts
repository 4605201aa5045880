import type { SavedTab } from './savedWorkspace'

export type TabKind = SavedTab['kind']

/** What the tab strip shows of a tab. */
export interface TabHeader {
  title: string
  /** A longer name for the tooltip: the schema-qualified table, the saved query's name. */
  detail?: string
  /** Unsaved editor text. */
  dirty?: boolean
  /** Something in the tab is running (a statement, a preview). */
  busy?: boolean
}

/**
 * One tab of a connection. It owns its state (a store), so it keeps it while
 * hidden and while another connection is in front, and it says how to bring
 * itself back after a reload.
 */
export interface WorkspaceTab {
  readonly id: string
  readonly kind: TabKind
  /**
   * Equal for two tabs that would show the same thing (one table, the
   * migrations folder), so opening it again shows the tab already open;
   * null for tabs that may repeat, such as query tabs.
   */
  readonly key: string | null
  subscribeHeader(listener: () => void): () => void
  /** The same object until the header changes, as useSyncExternalStore needs. */
  header(): TabHeader
  /** Called whenever what `save()` returns may have changed, so the session is stored again. */
  onChange(listener: () => void): () => void
  /** What a reload needs to reopen the tab as it is now. */
  save(): SavedTab
  /** Stops what runs in the tab and releases what the engine keeps for it. */
  dispose(): void
}

let tabs = 0

/** A tab id unique in this page. */
export function nextTabId(kind: TabKind): string {
  return `${kind}-${++tabs}`
}

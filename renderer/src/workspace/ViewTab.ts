import type { ConnectionSession } from './ConnectionSession'
import type { SavedTab } from './savedWorkspace'
import { nextTabId, type TabHeader, type WorkspaceTab } from './Tab'

/**
 * A tab whose view holds its own working state (the JSON editor, migrations,
 * compare): the view stays mounted while hidden, so that state survives tab
 * and connection switches, and it tells the tab what a reload should bring
 * back with `remember`.
 */
export class ViewTab<S extends SavedTab> implements WorkspaceTab {
  readonly id: string
  readonly kind: S['kind']
  private saved: S
  private currentHeader: TabHeader
  private readonly listeners = new Set<() => void>()

  constructor(
    readonly session: ConnectionSession,
    saved: S,
    readonly key: string | null,
    header: TabHeader,
  ) {
    this.kind = saved.kind
    this.id = nextTabId(saved.kind)
    this.saved = saved
    this.currentHeader = header
  }

  /** What the view started from, or last remembered. */
  get initial(): S {
    return this.saved
  }

  remember(change: Partial<S>): void {
    this.saved = { ...this.saved, ...change }
    this.emit()
  }

  setBusy(busy: boolean): void {
    if (busy !== Boolean(this.currentHeader.busy)) {
      this.currentHeader = { ...this.currentHeader, busy }
      this.emit()
    }
  }

  header(): TabHeader {
    return this.currentHeader
  }

  subscribeHeader = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  onChange(listener: () => void): () => void {
    return this.subscribeHeader(listener)
  }

  save(): S {
    return this.saved
  }

  dispose(): void {
    this.listeners.clear()
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener()
  }
}

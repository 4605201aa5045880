import { parseConnectionUrl, type DialectName } from '../../../shared/connectionUrl'
import type { ConnectionInfo } from '../../../shared/contract'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { ShapeNode } from '../../../shared/json/shape'
import type { SluiceClient } from '../../../shared/transport'
import { ColumnCatalog } from '../editor/columnCatalog'
import type { CompletionSource } from '../editor/completion'
import { SchemaStore } from '../schema/SchemaStore'
import { Store } from './Store'
import type { WorkspaceTab } from './Tab'

export type SessionStatus = 'connecting' | 'open' | 'failed'

export interface SessionState {
  status: SessionStatus
  info: ConnectionInfo | null
  /** Why connecting failed; the tabs stay, and Reconnect asks for what was missing. */
  error: SluiceErrorData | null
  tabs: readonly WorkspaceTab[]
  activeTabId: string | null
  /** Runs ended and queries saved in this session's tabs, so the history and saved lists read again. */
  activity: number
}

let sessions = 0

/**
 * One open connection and everything shown for it: its schema, completion,
 * and its own tabs. It outlives the engine's connection: after a restart the
 * tabs come back first and the connection is opened again (or asked for).
 */
export class ConnectionSession extends Store<SessionState> {
  readonly id = `session-${++sessions}`
  readonly dialect: DialectName
  readonly schema: SchemaStore
  readonly completion: CompletionSource
  private columns: ColumnCatalog | null = null
  private jsonShapes = new Map<string, Promise<ShapeNode | null>>()
  private readonly schemaListeners = new Set<() => void>()

  constructor(
    readonly client: SluiceClient,
    /** The URL without its password: the title, and what a reload opens again. */
    readonly url: string,
  ) {
    super({
      status: 'connecting',
      info: null,
      error: null,
      tabs: [],
      activeTabId: null,
      activity: 0,
    })
    this.dialect = parseConnectionUrl(url).dialect
    this.schema = new SchemaStore(client)
    this.completion = {
      dialect: this.dialect,
      objects: () => this.schema.getSnapshot().schema,
      columns: (object) => this.columns?.columns(object) ?? Promise.resolve([]),
      jsonShape: (object, column) => this.jsonShape(object, column),
    }
  }

  get connectionId(): string | null {
    return this.state.info?.connectionId ?? null
  }

  get title(): string {
    return this.state.info?.title ?? this.url
  }

  /** Opens the engine's connection, or takes back one it still holds for this session. */
  async connect(open: () => Promise<ConnectionInfo>): Promise<boolean> {
    this.update({ status: 'connecting', error: null })
    try {
      this.attach(await open())
      return true
    } catch (error) {
      this.update({ status: 'failed', error: toErrorData(error), info: null })
      this.schema.attach(null)
      return false
    }
  }

  /** The engine's connection is (again) this one. */
  attach(info: ConnectionInfo): void {
    this.columns = new ColumnCatalog(this.client, info.connectionId)
    this.jsonShapes = new Map()
    this.update({ status: 'open', info, error: null })
    this.schema.attach(info.connectionId)
  }

  get activeTab(): WorkspaceTab | null {
    return this.state.tabs.find((t) => t.id === this.state.activeTabId) ?? null
  }

  /** Shows `tab`, or the tab already open for the same thing (and drops `tab`). */
  openTab(tab: WorkspaceTab): WorkspaceTab {
    const same = tab.key === null ? undefined : this.state.tabs.find((t) => t.key === tab.key)
    if (same) {
      tab.dispose()
      this.activate(same)
      return same
    }
    const at = this.state.tabs.findIndex((t) => t.id === this.state.activeTabId)
    const tabs = [...this.state.tabs]
    tabs.splice(at < 0 ? tabs.length : at + 1, 0, tab)
    this.update({ tabs, activeTabId: tab.id })
    return tab
  }

  /** The tab already open for `key`, if any. */
  findTab(key: string): WorkspaceTab | undefined {
    return this.state.tabs.find((t) => t.key === key)
  }

  activate(tab: WorkspaceTab): void {
    if (tab.id !== this.state.activeTabId) this.update({ activeTabId: tab.id })
  }

  /** Closes `tab`; the one to its left (or right) is shown next. */
  closeTab(tab: WorkspaceTab): void {
    const index = this.state.tabs.indexOf(tab)
    if (index < 0) return
    tab.dispose()
    const tabs = this.state.tabs.filter((t) => t !== tab)
    const activeTabId =
      tab.id === this.state.activeTabId
        ? (tabs[Math.max(0, index - 1)]?.id ?? null)
        : this.state.activeTabId
    this.update({ tabs, activeTabId })
  }

  /** Moves to the next (+1) or previous (-1) tab, wrapping around. */
  cycle(step: 1 | -1): void {
    const { tabs } = this.state
    if (tabs.length === 0) return
    const at = tabs.findIndex((t) => t.id === this.state.activeTabId)
    this.activate(tabs[(at + step + tabs.length) % tabs.length]!)
  }

  /** The number for a new query tab's name: one more than any "Query N" tab this connection has. */
  nextQueryNumber(): number {
    let highest = 0
    for (const tab of this.state.tabs) {
      const n = /^Query (\d+)$/.exec(tab.header().title)?.[1]
      if (n) highest = Math.max(highest, Number(n))
    }
    return highest + 1
  }

  /** A run ended, or a query was saved, in one of this session's tabs. */
  noteActivity(): void {
    this.update({ activity: this.state.activity + 1 })
  }

  /** DDL ran somewhere (a tab, a migration): the tree and completion read the schema again. */
  schemaChanged(): void {
    this.columns?.clear()
    this.schema.refresh()
    for (const listener of [...this.schemaListeners]) listener()
  }

  /** Called after every schema change this session hears of. */
  onSchemaChange(listener: () => void): () => void {
    this.schemaListeners.add(listener)
    return () => this.schemaListeners.delete(listener)
  }

  /** Closes every tab; the caller closes the engine's connection. */
  dispose(): void {
    for (const tab of this.state.tabs) tab.dispose()
    this.update({ tabs: [], activeTabId: null })
  }

  private jsonShape(object: { schema: string; name: string }, column: string) {
    const connectionId = this.connectionId
    if (!connectionId) return Promise.resolve(null)
    // Shapes are learned once per connection; the JSON editor's Refresh samples again.
    const key = JSON.stringify([object.schema, object.name, column])
    let shape = this.jsonShapes.get(key)
    if (!shape) {
      shape = this.client
        .call('json.shape', {
          connectionId,
          object: { schema: object.schema, name: object.name },
          column,
        })
        .then((answer) => answer.shape.root)
        .catch(() => null)
      this.jsonShapes.set(key, shape)
    }
    return shape
  }
}

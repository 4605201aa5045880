import {
  formatConnectionUrl,
  parseConnectionUrl,
  withoutPassword,
  type ConnectionTarget,
} from '../../../shared/connectionUrl'
import { SluiceError } from '../../../shared/errors'
import type { ConnectionInfo } from '../../../shared/contract'
import type { SluiceClient } from '../../../shared/transport'
import { ConnectionSession } from './ConnectionSession'
import type { SavedSession, SavedTab, SavedWorkspace } from './savedWorkspace'
import { Store } from './Store'
import type { WorkspaceTab } from './Tab'

export interface WorkspaceState {
  sessions: readonly ConnectionSession[]
  activeSessionId: string | null
}

/** Makes the tab a saved description stands for, on its session. */
export type TabFactory = (session: ConnectionSession, saved: SavedTab) => WorkspaceTab

/**
 * The whole workspace: the open connections, each with its tabs, and which
 * one is in front. Several connections stay open at once; switching between
 * them closes nothing.
 */
export class Workspace extends Store<WorkspaceState> {
  private readonly changeListeners = new Set<() => void>()
  private readonly unsubscribers = new Map<string, () => void>()

  constructor(
    readonly client: SluiceClient,
    private readonly createTab: TabFactory,
  ) {
    super({ sessions: [], activeSessionId: null })
  }

  get active(): ConnectionSession | null {
    return this.state.sessions.find((s) => s.id === this.state.activeSessionId) ?? null
  }

  /**
   * Opens a connection in a new session with `tabs` (one empty query tab by
   * default) and shows it. Throws what the engine said when it cannot
   * connect, and then adds nothing.
   */
  async open(url: string, tabs: SavedTab[] = [emptyQuery]): Promise<ConnectionSession> {
    const session = new ConnectionSession(this.client, withoutPassword(url))
    const opened = await session.connect(() => this.client.call('connection.open', { url }))
    if (!opened) throw session.getSnapshot().error
    this.add(session, tabs, 0)
    return session
  }

  /**
   * A failed session connected again, with the URL the user completed (a
   * password, say). It must name the same server, database and user: its
   * tabs were written for that one. Throws BAD_URL otherwise, and what the
   * engine said when it cannot connect.
   */
  async reconnect(session: ConnectionSession, url: string): Promise<void> {
    if (sameTarget(withoutPassword(url)) !== sameTarget(session.url))
      throw new SluiceError({
        code: 'BAD_URL',
        message: `Reconnect opens ${session.url} again, with its password: for another server or database, use Connect…`,
      })
    const opened = await session.connect(() => this.client.call('connection.open', { url }))
    if (!opened) throw session.getSnapshot().error
    this.emitChange()
  }

  activate(session: ConnectionSession): void {
    if (session.id !== this.state.activeSessionId) this.update({ activeSessionId: session.id })
    this.emitChange()
  }

  /** Closes a session's tabs and its engine connection. */
  async close(session: ConnectionSession): Promise<void> {
    const at = this.state.sessions.indexOf(session)
    if (at < 0) return
    const connectionId = session.connectionId
    session.dispose()
    this.unsubscribers.get(session.id)?.()
    this.unsubscribers.delete(session.id)
    const sessions = this.state.sessions.filter((s) => s !== session)
    const activeSessionId =
      session.id === this.state.activeSessionId
        ? (sessions[Math.max(0, at - 1)]?.id ?? null)
        : this.state.activeSessionId
    this.update({ sessions, activeSessionId })
    this.emitChange()
    if (connectionId)
      await this.client.call('connection.close', { connectionId }).catch(() => undefined)
  }

  /** What a reload needs: every session's URL, engine connection and tabs. */
  save(): SavedWorkspace {
    const sessions = this.state.sessions
    return {
      version: 1,
      sessions: sessions.map((session): SavedSession => {
        const { tabs, activeTabId } = session.getSnapshot()
        const active = tabs.findIndex((t) => t.id === activeTabId)
        return {
          url: session.url,
          connectionId: session.connectionId,
          tabs: tabs.map((t) => t.save()),
          activeTab: active < 0 ? null : active,
        }
      }),
      activeSession: nonNegative(sessions.findIndex((s) => s.id === this.state.activeSessionId)),
    }
  }

  /**
   * Brings a saved workspace back: each session adopts the engine's
   * connection it had if the engine still holds it (a page reload), or opens
   * its URL again (a restart). A session that cannot connect keeps its tabs
   * and says why, so nothing typed is lost.
   */
  async restore(saved: SavedWorkspace): Promise<void> {
    // A session whose URL no longer parses (storage edited by hand, an old version) is left out, not fatal.
    const sessions = saved.sessions.flatMap((s) => {
      let session: ConnectionSession
      try {
        session = new ConnectionSession(this.client, s.url)
      } catch {
        return []
      }
      this.add(session, s.tabs, s.activeTab)
      return [{ session, saved: s }]
    })
    const front = sessions[saved.activeSession ?? 0]?.session
    if (front) this.activate(front)
    await Promise.all(
      sessions.map(({ session, saved: s }) => session.connect(() => this.adoptOrOpen(s))),
    )
    this.emitChange()
  }

  /** The engine's connection this session had, if it still holds it (a reload); else its URL opened again. */
  private async adoptOrOpen(saved: SavedSession): Promise<ConnectionInfo> {
    if (saved.connectionId)
      try {
        return await this.client.call('connection.adopt', { connectionId: saved.connectionId })
      } catch {
        // Gone (a restart, or the grace period ran out): open the URL, without its password.
      }
    return this.client.call('connection.open', { url: saved.url })
  }

  /** Called whenever what `save()` returns may have changed. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  private add(session: ConnectionSession, tabs: SavedTab[], active: number | null): void {
    const made = tabs.map((saved) => session.openTab(this.createTab(session, saved)))
    const shown = made[active ?? 0] ?? made[0]
    if (shown) session.activate(shown)
    this.watch(session)
    this.update({ sessions: [...this.state.sessions, session], activeSessionId: session.id })
    this.emitChange()
  }

  /** Follows a session's tabs, so every change to any of them is stored. */
  private watch(session: ConnectionSession): void {
    const perTab = new Map<string, () => void>()
    const sync = () => {
      const { tabs } = session.getSnapshot()
      for (const tab of tabs)
        if (!perTab.has(tab.id))
          perTab.set(
            tab.id,
            tab.onChange(() => this.emitChange()),
          )
      for (const [id, stop] of perTab)
        if (!tabs.some((t) => t.id === id)) {
          stop()
          perTab.delete(id)
        }
      this.emitChange()
    }
    const stopSession = session.subscribe(sync)
    sync()
    this.unsubscribers.set(session.id, () => {
      stopSession()
      for (const stop of perTab.values()) stop()
    })
  }

  private emitChange(): void {
    for (const listener of [...this.changeListeners]) listener()
  }
}

/** A URL's target without its password, the same however the URL was written. */
function sameTarget(url: string): string {
  try {
    return formatConnectionUrl({ ...parseConnectionUrl(url), password: '' } as ConnectionTarget)
  } catch {
    return url
  }
}

const emptyQuery: SavedTab = { kind: 'query', title: '', savedName: null, text: '', dirty: false }

function nonNegative(index: number): number | null {
  return index < 0 ? null : index
}

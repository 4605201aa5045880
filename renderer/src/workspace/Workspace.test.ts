import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SluiceService } from '../../../main/service/SluiceService'
import { engineClient } from '../../../main/testing/engineClient'
import { testDataDir } from '../../../main/testing/testDataDir'
import {
  authTestUser,
  createTestDatabase,
  ensureAuthTestUsers,
  type TestDatabase,
} from '../../../main/testing/testDatabases'
import type { SavedTab } from './savedWorkspace'
import { parseSavedWorkspace } from './savedWorkspace'
import { ViewTab } from './ViewTab'
import { Workspace, type TabFactory } from './Workspace'

/** Tabs that only remember what they were given: the workspace's part is what is under test. */
const plainTabs: TabFactory = (session, saved) =>
  new ViewTab(session, saved, null, { title: saved.kind })

const tabs: SavedTab[] = [
  { kind: 'query', title: 'Query 1', savedName: null, text: 'SELECT 1 -- unsaved', dirty: true },
  { kind: 'migrations' },
]

function service(graceMs = 60_000): SluiceService {
  return new SluiceService({
    version: 'test',
    startUrl: null,
    dataDir: testDataDir(),
    orphanGraceMs: graceMs,
  })
}

describe('the workspace across reloads and restarts', () => {
  const dbs: TestDatabase[] = []
  const services: SluiceService[] = []
  const made = (graceMs?: number) => {
    const created = service(graceMs)
    services.push(created)
    return created
  }
  beforeAll(async () => {
    await ensureAuthTestUsers()
  })
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.close()))
    await Promise.all(dbs.splice(0).map((db) => db.drop()))
  })

  it('a reloaded page adopts its connections and brings back every tab and its text', async () => {
    const db = await createTestDatabase('sqlite')
    dbs.push(db)
    const engine = made()
    const before = engineClient(engine)
    const first = new Workspace(before, plainTabs)
    const session = await first.open(db.url, tabs)
    const saved = parseSavedWorkspace(JSON.stringify(first.save()))!
    expect(saved.sessions[0]).toMatchObject({ url: db.url, connectionId: session.connectionId })
    await engine.release(before.context)

    const again = new Workspace(engineClient(engine), plainTabs)
    await again.restore(saved)
    const [restored] = again.getSnapshot().sessions
    expect(restored!.getSnapshot().status).toBe('open')
    expect(restored!.connectionId).toBe(session.connectionId)
    expect(restored!.getSnapshot().tabs.map((t) => t.save())).toEqual(tabs)
    expect(again.save()).toEqual(saved)
  })

  it('after a restart opens the URL again, and a connection that needs its password asks for it', async () => {
    const db = await createTestDatabase('postgres')
    dbs.push(db)
    const withPassword = new URL(db.url)
    withPassword.username = authTestUser.name
    withPassword.password = authTestUser.password
    const first = new Workspace(engineClient(made()), plainTabs)
    await first.open(db.url, tabs)
    await first.open(withPassword.toString(), [{ kind: 'migrations' }])
    const saved = first.save()
    // The password is never kept: not in the saved workspace, not in the session's URL.
    expect(JSON.stringify(saved)).not.toContain(authTestUser.password)

    const restarted = new Workspace(engineClient(made()), plainTabs)
    await restarted.restore(saved)
    const [trusted, guarded] = restarted.getSnapshot().sessions
    expect(trusted!.getSnapshot().status).toBe('open')
    expect(guarded!.getSnapshot()).toMatchObject({
      status: 'failed',
      error: { code: 'AUTH_FAILED' },
    })
    expect(guarded!.getSnapshot().tabs.map((t) => t.save())).toEqual([{ kind: 'migrations' }])
    // Reconnect keeps the session's server and database: another one is refused, not attached.
    const elsewhere = new URL(withPassword.toString())
    elsewhere.pathname = '/postgres'
    await expect(restarted.reconnect(guarded!, elsewhere.toString())).rejects.toMatchObject({
      data: { code: 'BAD_URL' },
    })
    expect(guarded!.getSnapshot().status).toBe('failed')
    await restarted.reconnect(guarded!, withPassword.toString())
    expect(guarded!.getSnapshot().status).toBe('open')
  })

  it('closing a session closes its engine connection and shows the one beside it', async () => {
    const one = await createTestDatabase('sqlite')
    const two = await createTestDatabase('sqlite')
    dbs.push(one, two)
    const client = engineClient(made())
    const workspace = new Workspace(client, plainTabs)
    const first = await workspace.open(one.url)
    const second = await workspace.open(two.url)
    expect(workspace.active).toBe(second)
    const id = second.connectionId!
    await workspace.close(second)
    expect(workspace.active).toBe(first)
    await expect(client.call('schema.objects', { connectionId: id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    })
  })

  it('leaves out a saved session whose URL does not parse, and brings back the rest', async () => {
    const db = await createTestDatabase('sqlite')
    dbs.push(db)
    const workspace = new Workspace(engineClient(made()), plainTabs)
    await workspace.restore({
      version: 1,
      sessions: [
        { url: 'nonsense://x', connectionId: null, tabs: [{ kind: 'migrations' }], activeTab: 0 },
        { url: '', connectionId: null, tabs: [], activeTab: null },
        { url: db.url, connectionId: null, tabs, activeTab: 0 },
      ],
      activeSession: 0,
    })
    const [only, ...rest] = workspace.getSnapshot().sessions
    expect(rest).toEqual([])
    expect(only!.url).toBe(db.url)
    expect(only!.getSnapshot().status).toBe('open')
    expect(workspace.active).toBe(only)
  })

  it('reads back nothing from a workspace it cannot read, rather than a broken one', () => {
    expect(parseSavedWorkspace(null)).toBeNull()
    expect(parseSavedWorkspace('not json')).toBeNull()
    expect(parseSavedWorkspace('{"version":99,"sessions":[]}')).toBeNull()
  })
})

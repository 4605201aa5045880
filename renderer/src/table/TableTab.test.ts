import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineClient } from '../../../main/testing/engineClient'
import { createItems, itemCount } from '../../../main/testing/browseItems'
import { run } from '../../../main/testing/storyDatabase'
import { testDataDir } from '../../../main/testing/testDataDir'
import {
  allDialects,
  createTestDatabase,
  type TestDatabase,
} from '../../../main/testing/testDatabases'
import { SluiceService } from '../../../main/service/SluiceService'
import { ConnectionSession } from '../workspace/ConnectionSession'
import { firstRowOf, TableTab } from './TableTab'

/** Waits until the tab's page has loaded (or failed) and the store has placed it. */
async function settled(tab: TableTab): Promise<void> {
  for (;;) {
    const { result, position, error } = tab.getSnapshot()
    if (error || (result && result.getSnapshot().status !== 'running' && position)) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.each(allDialects)('a table tab on %s', (dialect) => {
  let db: TestDatabase
  let service: SluiceService
  let session: ConnectionSession

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    await createItems(dialect, db.url)
    service = new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() })
    const client = engineClient(service)
    session = new ConnectionSession(client, db.url)
    await session.connect(() => client.call('connection.open', { url: db.url }))
  })
  afterAll(async () => {
    await service.close()
    await db.drop()
  })

  const open = () =>
    new TableTab(session, {
      kind: 'table',
      object: { schema: db.schema, name: 'items' },
      objectKind: 'table',
      view: 'data',
      sort: [],
      filters: [],
      where: '',
      pageSize: 1000,
    })

  it('pages forward and back by key, numbering each page, and knows the ends', async () => {
    const tab = open()
    tab.ensureLoaded()
    await settled(tab)
    expect(tab.getSnapshot().paging).toBe('keyset')
    expect(firstRowOf(tab.getSnapshot())).toBe(1)
    expect(tab.getSnapshot()).toMatchObject({ hasPrevious: false, hasNext: true })
    await tab.next()
    await settled(tab)
    expect(firstRowOf(tab.getSnapshot())).toBe(1001)
    expect((await tab.getSnapshot().result!.rows(0, 1))[0]![0]).toEqual(1001)
    await tab.next()
    await settled(tab)
    expect(firstRowOf(tab.getSnapshot())).toBe(2001)
    expect(tab.getSnapshot().hasNext).toBe(false)
    await tab.previous()
    await settled(tab)
    expect(firstRowOf(tab.getSnapshot())).toBe(1001)
    tab.dispose()
  })

  it('goes to the last page from the end, and numbers it once the rows are counted', async () => {
    const tab = open()
    tab.ensureLoaded()
    await settled(tab)
    await tab.last()
    await settled(tab)
    const state = tab.getSnapshot()
    expect(state.position).toEqual({ from: 'end', after: 0 })
    expect(state.hasNext).toBe(false)
    const rows = await state.result!.rows(0, 1000)
    expect(rows.at(-1)![0]).toEqual(itemCount)
    expect(await tab.countRows()).toBe(itemCount)
    expect(firstRowOf(tab.getSnapshot())).toBe(itemCount - 1000 + 1)
    await tab.previous()
    await settled(tab)
    expect(tab.getSnapshot().position).toEqual({ from: 'end', after: 1000 })
    expect(firstRowOf(tab.getSnapshot())).toBe(itemCount - 2000 + 1)
    tab.dispose()
  })

  it('sorts on the server, filters, and says what failed for a bad condition', async () => {
    const tab = open()
    await tab.sortBy('name', false)
    await tab.sortBy('name', false)
    await settled(tab)
    expect(tab.getSnapshot().sort).toEqual([{ column: 'name', direction: 'desc' }])
    expect((await tab.getSnapshot().result!.rows(0, 1))[0]![1]).toBe('item 2500')
    await tab.filter([{ column: 'score', op: 'isNull' }], 'id <= 100')
    await settled(tab)
    expect(tab.getSnapshot().result!.getSnapshot().rowCount).toBe(10)
    await tab.filter([{ column: 'nope', op: 'eq', value: '1' }], '')
    await settled(tab)
    expect(tab.getSnapshot().error?.message).toMatch(/nope/)
    tab.dispose()
  })

  it('after a sorted column is dropped, says so without the old rows, and starts over when asked', async () => {
    await run(db.url, [
      'CREATE TABLE volatile (id integer PRIMARY KEY, doomed integer)',
      'INSERT INTO volatile VALUES (1, 3), (2, 2), (3, 1)',
    ])
    const tab = new TableTab(session, {
      kind: 'table',
      object: { schema: db.schema, name: 'volatile' },
      objectKind: 'table',
      view: 'data',
      sort: [{ column: 'doomed', direction: 'asc' }],
      filters: [],
      where: '',
      pageSize: 1000,
    })
    tab.ensureLoaded()
    await settled(tab)
    expect((await tab.getSnapshot().result!.rows(0, 3)).map((r) => r[0])).toEqual([3, 2, 1])
    await run(db.url, ['ALTER TABLE volatile DROP COLUMN doomed'])
    await tab.refresh()
    expect(tab.getSnapshot().error?.message).toMatch(/doomed/)
    expect(tab.getSnapshot().result).toBeNull()
    await tab.reset()
    await settled(tab)
    expect(tab.getSnapshot()).toMatchObject({ error: null, sort: [] })
    expect((await tab.getSnapshot().result!.rows(0, 3)).map((r) => r[0])).toEqual([1, 2, 3])
    tab.dispose()
  })

  it('saves what a reload brings back', () => {
    const tab = open()
    tab.layout.resize('name', 321)
    expect(tab.save()).toMatchObject({
      kind: 'table',
      object: { name: 'items' },
      layout: { widths: { name: 321 } },
    })
    tab.dispose()
  })
})

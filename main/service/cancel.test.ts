import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { connectUrl } from '../dialects/registry'
import { allDialects } from '../testing/testDatabases'
import { openHarness, type Harness } from '../testing/serviceHarness'

/** Statements that would take about 30 s; SQLite's streams rows, since one native step cannot be interrupted. */
const thirtySeconds: Record<DialectName, string> = {
  postgres: 'SELECT pg_sleep(30)',
  mysql: 'SELECT SLEEP(30)',
  sqlite:
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000000) SELECT n FROM s',
}

describe.each(allDialects)('%s cancel', (dialect) => {
  let h: Harness
  beforeAll(async () => {
    h = await openHarness(dialect)
  })
  afterAll(() => h.close())

  it('stops a 30-second statement at once, and the same connection runs the next', async () => {
    const outcome = h.run('slow', thirtySeconds[dialect])
    await new Promise((resolve) => setTimeout(resolve, 500))
    const asked = performance.now()
    expect(await h.call('query.cancel', { queryId: 'slow' })).toEqual({ cancelled: true })
    const ended = await outcome
    const latency = performance.now() - asked
    expect(ended).toMatchObject({ type: 'query.error', error: { code: 'CANCELLED' } })
    // The engine's own clock shows the statement was cut short, not left to finish.
    expect((ended as { elapsedMs: number }).elapsedMs).toBeLessThan(30_000)
    console.info(`${dialect}: cancel took ${latency.toFixed(0)} ms`)
    const next = await h.run('next', 'SELECT 1 AS one')
    expect(next).toMatchObject({ type: 'query.done', rowCount: 1 })
    expect(await h.rows('next', 0, 1)).toEqual([[1]])
  })
})

describe('sqlite cancel inside one long native step', () => {
  let h: Harness
  beforeAll(async () => {
    h = await openHarness('sqlite')
  })
  afterAll(() => h.close())

  it('ends the statement outright, so its read lock is gone and another connection can write at once', async () => {
    // One aggregate step over ten billion pairs of a table's rows: SQLite does
    // not return to JavaScript until it ends, and it holds a read lock on the file meanwhile.
    const fill =
      'CREATE TABLE t AS WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000) SELECT n FROM s'
    expect(await h.run('fill', fill)).toMatchObject({ type: 'query.done' })
    const aggregate = 'SELECT sum(a.n * b.n) FROM t a CROSS JOIN t b'
    const outcome = h.run('sum', aggregate)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await h.call('query.cancel', { queryId: 'sum' })).toEqual({ cancelled: true })
    expect(await outcome).toMatchObject({ type: 'query.error', error: { code: 'CANCELLED' } })
    // A statement left running would keep its shared lock, and this write would fail with SQLITE_BUSY after the busy timeout.
    const other = await connectUrl(h.db.url)
    try {
      const events = []
      for await (const event of other.stream('CREATE TABLE written_after_cancel (id integer)', {
        batchSize: 10,
      }))
        events.push(event.kind)
      expect(events).toEqual(['columns', 'done'])
    } finally {
      await other.close()
    }
    expect(await h.run('next', 'SELECT count(*) FROM written_after_cancel')).toMatchObject({
      type: 'query.done',
      rowCount: 1,
    })
  })
})

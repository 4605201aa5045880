import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
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

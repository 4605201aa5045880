import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDataDir } from '../testing/testDataDir'
import type { SluiceEvent } from '../../shared/contract'
import type { DialectName } from '../../shared/connectionUrl'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { SluiceService, type CallContext } from './SluiceService'
import { processTreeRss } from '../testing/processTreeRss'

const cancelCycles = 100
const streamedRows = 3_000_000

const endless: Record<DialectName, string> = {
  // generate_series materialises its whole output first, so a cross join of two small ones streams instead.
  postgres: 'SELECT a.g, b.g FROM generate_series(1, 100000) a(g), generate_series(1, 100000) b(g)',
  mysql: 'SELECT a.seq FROM seq_1_to_100000 a, seq_1_to_100000 b',
  sqlite:
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000000000) SELECT n FROM s',
}

/** A client that follows each result's progress, as the renderer does, and reads its last window. */
function client(service: SluiceService) {
  const finished = new Map<string, (event: SluiceEvent) => void>()
  const counts = new Map<string, number>()
  const context: CallContext = {
    emit(event) {
      if (event.type === 'query.progress') counts.set(event.queryId, event.rowCount)
      else if (event.type === 'query.done' || event.type === 'query.error')
        finished.get(event.queryId)?.(event)
    },
  }
  const run = (connectionId: string, queryId: string, sql: string) =>
    new Promise<SluiceEvent>((resolve) => {
      finished.set(queryId, resolve)
      void service.dispatch('query.run', { connectionId, queryId, sql, batchSize: 1000 }, context)
    })
  return { context, counts, run }
}

describe.each(allDialects)('%s soak', (dialect) => {
  let db: TestDatabase
  let service: SluiceService
  let connectionId: string

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    service = new SluiceService({ version: 'soak', startUrl: null, dataDir: testDataDir() })
    const opened = await service.dispatch(
      'connection.open',
      { url: db.url },
      { emit: () => undefined },
    )
    if (!opened.ok) throw new Error(opened.error.message)
    connectionId = (opened.result as { connectionId: string }).connectionId
  })

  afterAll(async () => {
    await service.close()
    await db.drop()
  })

  it(`survives ${cancelCycles} cancel cycles with the connection still usable`, async () => {
    const { context, counts, run } = client(service)
    for (let cycle = 0; cycle < cancelCycles; cycle++) {
      const queryId = `cancel-${cycle}`
      let ended = false
      const outcome = run(connectionId, queryId, endless[dialect]).finally(() => (ended = true))
      while (!ended && (counts.get(queryId) ?? 0) < 2000)
        await new Promise((resolve) => setTimeout(resolve, 2))
      await service.dispatch('query.cancel', { queryId }, context)
      expect(await outcome).toMatchObject({ type: 'query.error', error: { code: 'CANCELLED' } })
      expect(await run(connectionId, `check-${cycle}`, 'SELECT 1 AS one')).toMatchObject({
        type: 'query.done',
        rowCount: 1,
      })
    }
  })

  it(`streams ${streamedRows.toLocaleString('en-US')} rows with memory independent of their number`, async () => {
    const { run } = client(service)
    const sql =
      dialect === 'postgres'
        ? `SELECT g, md5(g::text) FROM generate_series(1, ${streamedRows}) g`
        : dialect === 'mysql'
          ? `SELECT seq, MD5(seq) FROM seq_1_to_${streamedRows}`
          : `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${streamedRows}) SELECT n, hex(n) FROM s`
    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, processTreeRss())), 50)
    const before = processTreeRss()
    const done = await run(connectionId, 'long', sql)
    clearInterval(sampler)
    expect(done).toMatchObject({ type: 'query.done', rowCount: streamedRows })
    const last = await service.dispatch(
      'query.rows',
      { queryId: 'long', offset: streamedRows - 1, limit: 10 },
      { emit: () => undefined },
    )
    const lastRows = last.ok
      ? (JSON.parse((last.result as { rowsJson: string }).rowsJson) as unknown[][])
      : []
    expect(Number(lastRows[0]?.[0])).toBe(streamedRows)
    // 3M rows of ~40 bytes would be well over 100 MB if they were held; the spill file holds them.
    expect((peak - before) / 2 ** 20).toBeLessThan(100)
  })
})

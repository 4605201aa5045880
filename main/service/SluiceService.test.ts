import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import type { SluiceEvent } from '../../shared/contract'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { creditWindow } from './RunningQuery'
import { SluiceService, type CallContext } from './SluiceService'

function recorder(): CallContext & {
  events: SluiceEvent[]
  next(type: SluiceEvent['type'], queryId: string): Promise<SluiceEvent>
} {
  const events: SluiceEvent[] = []
  const waiters: (() => void)[] = []
  return {
    events,
    emit(event) {
      events.push(event)
      for (const wake of waiters.splice(0)) wake()
    },
    async next(type, queryId) {
      for (;;) {
        const found = events.find((e) => e.type === type && e.queryId === queryId)
        if (found) return found
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    },
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

describe('contract boundary', () => {
  const service = new SluiceService({ version: 'test', startUrl: null })
  const context = recorder()

  it.each([
    ['no.such.method', {}],
    ['connection.open', {}],
    ['connection.open', { url: 42 }],
    ['connection.open', { url: 'sqlite::memory:', extra: true }],
    ['query.run', { connectionId: 'x', queryId: 'q', sql: '' }],
    ['query.ack', { queryId: 'q', seq: -1 }],
    ['query.run', 'not an object'],
    ['app.info', { unexpected: 1 }],
  ])('%s with %j is a BAD_REQUEST, not a crash', async (method, input) => {
    const result = await service.dispatch(method, input, context)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_REQUEST')
      expect(result.error.message).toContain(method.slice(0, 20))
    }
  })

  it('keeps answering after bad requests', async () => {
    await service.dispatch('connection.open', null, context)
    expect(await service.dispatch('app.info', {}, context)).toEqual({
      ok: true,
      result: { version: 'test', startUrl: null },
    })
  })

  it('names a closed connection', async () => {
    const result = await service.dispatch('schema.objects', { connectionId: 'gone' }, context)
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('reports a bad URL with its own code', async () => {
    const result = await service.dispatch('connection.test', { url: 'oracle://nope' }, context)
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_URL' } })
  })
})

/** Rows 1..n, streamed rather than materialised first; MariaDB's sequence engine needs no recursion limit. */
const series: Record<DialectName, (n: number) => string> = {
  postgres: (n) =>
    `SELECT a.g * 1000 + b.g AS n FROM generate_series(0, ${Math.ceil(n / 1000) - 1}) a(g), generate_series(1, 1000) b(g) LIMIT ${n}`,
  mysql: (n) => `SELECT seq FROM seq_1_to_${n}`,
  sqlite: (n) =>
    `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${n}) SELECT n FROM s`,
}

describe.each(allDialects)('%s through the service', (dialect) => {
  let db: TestDatabase
  let service: SluiceService
  let connectionId: string

  const start = (context: CallContext, queryId: string, sql: string, batchSize?: number) =>
    service.dispatch('query.run', { connectionId, queryId, sql, batchSize }, context)

  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    service = new SluiceService({ version: 'test', startUrl: null })
    const opened = await service.dispatch('connection.open', { url: db.url }, recorder())
    if (!opened.ok) throw new Error(opened.error.message)
    connectionId = (opened.result as { connectionId: string }).connectionId
  })

  afterEach(async () => {
    await service.close()
    await db.drop()
  })

  it('describes one table with its DDL, and names one that is gone', async () => {
    const context = recorder()
    await start(
      context,
      'ddl',
      'CREATE TABLE described (id int NOT NULL PRIMARY KEY, note varchar(20))',
    )
    await context.next('query.done', 'ddl')
    const listed = await service.dispatch('schema.objects', { connectionId }, context)
    if (!listed.ok) throw new Error(listed.error.message)
    const { objects } = listed.result as { objects: { schema: string; name: string }[] }
    const { schema, name } = objects.find((o) => o.name === 'described')!
    const object = { schema, name }
    const described = await service.dispatch('schema.describe', { connectionId, object }, context)
    expect(described).toMatchObject({
      ok: true,
      result: { ddl: expect.stringMatching(/^CREATE TABLE .*described/) },
    })
    const gone = await service.dispatch(
      'schema.describe',
      { connectionId, object: { ...object, name: 'never_was' } },
      context,
    )
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('never_was') },
    })
  })

  it('sends no more than the credit window until the client acknowledges', async () => {
    const context = recorder()
    await start(context, 'big', series[dialect](50_000), 100)
    await settle()
    const rowsEvents = () =>
      context.events.filter(
        (e): e is Extract<SluiceEvent, { type: 'query.rows' }> => e.type === 'query.rows',
      )
    expect(rowsEvents().length).toBe(creditWindow)
    const done = () => context.events.some((e) => e.type === 'query.done')
    for (let seq = 0; !done(); seq++) {
      while (rowsEvents().length <= seq && !done())
        await new Promise((resolve) => setTimeout(resolve, 1))
      await service.dispatch('query.ack', { queryId: 'big', seq }, context)
    }
    expect(rowsEvents().reduce((n, e) => n + e.rows.length, 0)).toBe(50_000)
    expect(await context.next('query.done', 'big')).toMatchObject({ rowCount: 50_000 })
  })

  it('frees the connection before it reports a statement done', async () => {
    const context = recorder()
    for (let n = 0; n < 25; n++) {
      await start(context, `quick-${n}`, `SELECT ${n} AS n`)
      expect(await context.next('query.done', `quick-${n}`)).toMatchObject({ rowCount: 1 })
    }
    expect(context.events.filter((e) => e.type === 'query.error')).toEqual([])
  })

  it('cancels a query whose client stopped reading', async () => {
    const context = recorder()
    await start(context, 'stalled', series[dialect](10_000_000), 100)
    await settle()
    expect(await service.dispatch('query.cancel', { queryId: 'stalled' }, context)).toMatchObject({
      ok: true,
    })
    expect(await context.next('query.error', 'stalled')).toMatchObject({
      error: { code: 'CANCELLED' },
    })
    await start(context, 'after', 'SELECT 7 AS seven')
    await context.next('query.done', 'after')
    expect(
      context.events.find((e) => e.type === 'query.rows' && e.queryId === 'after'),
    ).toMatchObject({ rows: [[7]] })
  })
})

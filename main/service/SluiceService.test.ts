import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testDataDir } from '../testing/testDataDir'
import type { DialectName } from '../../shared/connectionUrl'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import type { CallResult } from '../../shared/contract'
import { recorder } from '../testing/serviceHarness'
import { SluiceService, type CallContext } from './SluiceService'

/** The rows of a `query.rows` answer, or the error record. */
function rowsOf(result: CallResult): unknown[][] | CallResult {
  return result.ok
    ? (JSON.parse((result.result as { rowsJson: string }).rowsJson) as unknown[][])
    : result
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

describe('contract boundary', () => {
  const service = new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() })
  const context = recorder()

  it.each([
    ['no.such.method', {}],
    ['connection.open', {}],
    ['connection.open', { url: 42 }],
    ['connection.open', { url: 'sqlite::memory:', extra: true }],
    ['query.run', { connectionId: 'x', queryId: 'q', sql: '' }],
    ['query.rows', { queryId: 'q', offset: -1, limit: 10 }],
    ['query.rows', { queryId: 'q', offset: 0, limit: 1_000_000 }],
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
      result: { version: 'test', startUrl: null, exportDir: expect.any(String) },
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
    service = new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() })
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

  it('spills a large result and serves any window of it until the result is closed', async () => {
    const context = recorder()
    await start(context, 'big', series[dialect](50_000), 100)
    expect(await context.next('query.done', 'big')).toMatchObject({ rowCount: 50_000 })
    const progress = context.events.filter((e) => e.type === 'query.progress')
    expect(progress[0]).toMatchObject({ rowCount: 100 })
    const window = async (offset: number, limit: number) =>
      rowsOf(await service.dispatch('query.rows', { queryId: 'big', offset, limit }, context))
    const numbers = async (offset: number, limit: number) =>
      ((await window(offset, limit)) as unknown[][]).map((r) => Number(r[0]))
    const range = (from: number, length: number) => Array.from({ length }, (_, i) => from + i)
    // Cutting through blocks of 100, and covering whole blocks as stored.
    expect(await numbers(24_950, 100)).toEqual(range(24_951, 100))
    expect(await numbers(200, 300)).toEqual(range(201, 300))
    expect(await window(49_990, 50)).toHaveLength(10)
    expect(await window(60_000, 10)).toEqual([])
    await service.dispatch('query.close', { queryId: 'big' }, context)
    expect(await window(0, 10)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('drops the results of a connection that is closed, and says so when asked for them', async () => {
    const context = recorder()
    await start(context, 'kept', 'SELECT 1 AS one')
    await context.next('query.done', 'kept')
    await service.dispatch('connection.close', { connectionId }, context)
    expect(
      await service.dispatch('query.rows', { queryId: 'kept', offset: 0, limit: 1 }, context),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('frees the connection before it reports a statement done', async () => {
    const context = recorder()
    for (let n = 0; n < 25; n++) {
      await start(context, `quick-${n}`, `SELECT ${n} AS n`)
      expect(await context.next('query.done', `quick-${n}`)).toMatchObject({ rowCount: 1 })
    }
    expect(context.events.filter((e) => e.type === 'query.error')).toEqual([])
  })

  it('cancels a running query, keeps the rows read so far, and runs the next one', async () => {
    const context = recorder()
    await start(context, 'stalled', series[dialect](10_000_000), 100)
    await settle()
    expect(await service.dispatch('query.cancel', { queryId: 'stalled' }, context)).toMatchObject({
      ok: true,
    })
    const cancelled = await context.next('query.error', 'stalled')
    expect(cancelled).toMatchObject({ error: { code: 'CANCELLED' } })
    const kept = (cancelled as { rowCount: number }).rowCount
    const first = rowsOf(
      await service.dispatch('query.rows', { queryId: 'stalled', offset: 0, limit: 1 }, context),
    ) as unknown[][]
    // MariaDB's sequence engine numbers as BIGINT UNSIGNED, which arrives as exact text.
    expect(first.map((r) => Number(r[0]))).toEqual(kept > 0 ? [1] : [])
    await start(context, 'after', 'SELECT 7 AS seven')
    await context.next('query.done', 'after')
    expect(
      rowsOf(
        await service.dispatch('query.rows', { queryId: 'after', offset: 0, limit: 10 }, context),
      ),
    ).toEqual([[7]])
  })
})

const warningStatements: Partial<Record<DialectName, { sql: string; says: RegExp }>> = {
  postgres: {
    sql: "DO $$ BEGIN RAISE NOTICE 'checked % rows', 3; END $$",
    says: /checked 3 rows/,
  },
  mysql: { sql: "SELECT CAST('12abc' AS SIGNED) AS n", says: /Truncated incorrect INTEGER/ },
}

describe.each(['postgres', 'mysql'] as const)('%s notices', (dialect) => {
  it('passes on what the server says besides the result', async () => {
    const db = await createTestDatabase(dialect)
    const service = new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() })
    try {
      const context = recorder()
      const opened = await service.dispatch('connection.open', { url: db.url }, context)
      if (!opened.ok) throw new Error(opened.error.message)
      const { connectionId } = opened.result as { connectionId: string }
      const { sql, says } = warningStatements[dialect]!
      await service.dispatch('query.run', { connectionId, queryId: 'w', sql }, context)
      await context.next('query.done', 'w')
      const notice = await context.next('query.notice', 'w')
      expect(notice).toMatchObject({ notice: { message: expect.stringMatching(says) } })
    } finally {
      await service.close()
      await db.drop()
    }
  })
})

/** The product and its version number, without a distribution's build suffix. */
const versionShapes: Record<DialectName, RegExp> = {
  postgres: /^PostgreSQL \d+(\.\d+)+$/,
  mysql: /^(MariaDB|MySQL) \d+\.\d+\.\d+$/,
  sqlite: /^SQLite 3\.\d+\.\d+$/,
}

describe.each(allDialects)('%s server version', (dialect) => {
  it('names the product and its version number when a connection opens or is tested', async () => {
    const db = await createTestDatabase(dialect)
    const service = new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() })
    try {
      const context = recorder()
      const opened = await service.dispatch('connection.open', { url: db.url }, context)
      const tested = await service.dispatch('connection.test', { url: db.url }, context)
      expect(opened).toMatchObject({
        ok: true,
        result: { serverVersion: expect.stringMatching(versionShapes[dialect]) },
      })
      expect(tested).toMatchObject({
        ok: true,
        result: { serverVersion: expect.stringMatching(versionShapes[dialect]) },
      })
    } finally {
      await service.close()
      await db.drop()
    }
  })
})

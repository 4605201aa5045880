import { createServer, type Server } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cellToText, type Cell } from '../../shared/cells'
import type { DialectName } from '../../shared/connectionUrl'
import type { ColumnInfo } from '../../shared/contract'
import { SluiceError } from '../../shared/errors'
import {
  allDialects,
  createTestDatabase,
  ensureAuthTestUsers,
  pgAdminUrl,
  type TestDatabase,
} from '../testing/testDatabases'
import { connectUrl, dialects } from './registry'
import type { DialectConnection } from './types'

// A zone with a DST gap at 2024-03-10 02:30 would expose any shift into Node's local time.
process.env.TZ = 'America/New_York'

interface Collected {
  columns: ColumnInfo[]
  rows: Cell[][]
  batches: number
  affectedRows: number | null
}

async function collect(conn: DialectConnection, sql: string, batchSize = 1000): Promise<Collected> {
  const out: Collected = { columns: [], rows: [], batches: 0, affectedRows: null }
  for await (const event of conn.stream(sql, { batchSize })) {
    if (event.kind === 'columns') out.columns = event.columns
    else if (event.kind === 'rows') {
      expect(event.rows.length).toBeLessThanOrEqual(batchSize)
      out.batches++
      out.rows.push(...event.rows)
    } else if (event.kind === 'done') out.affectedRows = event.affectedRows
  }
  return out
}

async function failure(promise: Promise<unknown>): Promise<SluiceError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(SluiceError)
    return error as SluiceError
  }
  throw new Error('expected a failure')
}

const bytes = Buffer.from('deadbeef00', 'hex').toString('base64')
const doc = { a: [1, 2, { b: null }], s: 'x', n: 1.5 }
const unicode = 'héllo 🌍 中文 "quoted" \'single\''

/** Per dialect: DDL for a table holding every type under test, and the SQL that fills it. */
const typeFixtures: Record<DialectName, { setup: string[]; expected: Cell[] }> = {
  postgres: {
    setup: [
      `SET TIME ZONE 'UTC'`,
      `CREATE TABLE t (id int PRIMARY KEY, big bigint, num numeric(30,10), ts timestamp, tstz timestamptz, bin bytea, doc jsonb, txt text, empty text)`,
      `INSERT INTO t VALUES (1, 9007199254740993, 12345678901234567890.0123456789, '2024-03-10 02:30:00', '2024-03-10 02:30:00+00', '\\xdeadbeef00', '${JSON.stringify(doc)}', ${"'" + unicode.replaceAll("'", "''") + "'"}, '')`,
      `INSERT INTO t (id) VALUES (2)`,
    ],
    expected: [
      1,
      '9007199254740993',
      '12345678901234567890.0123456789',
      '2024-03-10 02:30:00',
      '2024-03-10 02:30:00+00',
      { $bytes: bytes },
      { $json: doc },
      unicode,
      '',
    ],
  },
  mysql: {
    setup: [
      `SET time_zone = '+00:00'`,
      'CREATE TABLE t (id int PRIMARY KEY, big bigint, num decimal(30,10), ts datetime, tstz timestamp NULL, bin blob, doc json, txt text, empty text)',
      `INSERT INTO t VALUES (1, 9007199254740993, 12345678901234567890.0123456789, '2024-03-10 02:30:00', '2024-03-10 02:30:00', X'deadbeef00', '${JSON.stringify(doc)}', ${"'" + unicode.replaceAll("'", "''") + "'"}, '')`,
      'INSERT INTO t (id) VALUES (2)',
    ],
    expected: [
      1,
      '9007199254740993',
      '12345678901234567890.0123456789',
      '2024-03-10 02:30:00',
      '2024-03-10 02:30:00',
      { $bytes: bytes },
      { $json: doc },
      unicode,
      '',
    ],
  },
  sqlite: {
    // SQLite stores numeric(30,10) as an 8-byte REAL; exact decimals live in TEXT there.
    setup: [
      'CREATE TABLE t (id integer PRIMARY KEY, big integer, num text, ts datetime, tstz datetime, bin blob, doc json, txt text, empty text)',
      `INSERT INTO t VALUES (1, 9007199254740993, '12345678901234567890.0123456789', '2024-03-10 02:30:00', '2024-03-10 02:30:00+00:00', X'deadbeef00', '${JSON.stringify(doc)}', ${"'" + unicode.replaceAll("'", "''") + "'"}, '')`,
      'INSERT INTO t (id) VALUES (2)',
    ],
    expected: [
      1,
      '9007199254740993',
      '12345678901234567890.0123456789',
      '2024-03-10 02:30:00',
      '2024-03-10 02:30:00+00:00',
      { $bytes: bytes },
      { $json: doc },
      unicode,
      '',
    ],
  },
}

const series: Record<DialectName, (n: number) => string> = {
  postgres: (n) => `SELECT g AS id, md5(g::text) AS h FROM generate_series(1, ${n}) g`,
  mysql: (n) =>
    `WITH RECURSIVE s(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM s WHERE id < ${n}) SELECT id, MD5(id) AS h FROM s`,
  sqlite: (n) =>
    `WITH RECURSIVE s(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM s WHERE id < ${n}) SELECT id, hex(id) AS h FROM s`,
}

/** Statements that would run far longer than any test timeout unless cancelled. */
const longQuery: Record<DialectName, string> = {
  postgres: 'SELECT pg_sleep(120)',
  mysql:
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10000000000) SELECT COUNT(*) FROM s',
  // About 20 s of native work with no row to hand back: cancel must not wait for it.
  sqlite:
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000000) SELECT COUNT(*) FROM s',
}

/** Long statements that return rows as they go, so the consumer is mid-stream when it cancels. */
const longStream: Record<DialectName, string> = {
  postgres: 'SELECT g, pg_sleep(0.01) FROM generate_series(1, 100000) g',
  // MariaDB materialises a recursive CTE before sending any row and buffers 16 KB of rows per
  // packet, so this one scans a real table with wide rows.
  mysql: "SELECT n, REPEAT('x', 4000) AS pad, SLEEP(0.01) FROM slow",
  sqlite:
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10000000000) SELECT n FROM s',
}

/** Refreshes the statistics row estimates come from. */
const analyze: Record<DialectName, string> = {
  sqlite: 'ANALYZE',
  postgres: 'ANALYZE listed',
  mysql: 'ANALYZE TABLE listed',
}

describe.each(allDialects)('%s engine', (dialect) => {
  let db: TestDatabase
  let conn: DialectConnection

  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    conn = await connectUrl(db.url)
    // MariaDB stops recursive CTEs after 1000 rounds by default; the series below need more.
    if (dialect === 'mysql')
      await collect(conn, 'SET SESSION max_recursive_iterations = 4294967295')
  })

  afterEach(async () => {
    await conn.close()
    await db.drop()
  })

  it('round-trips values exactly, telling NULL from the empty string', async () => {
    for (const sql of typeFixtures[dialect].setup) await collect(conn, sql)
    const result = await collect(conn, 'SELECT * FROM t ORDER BY id')
    expect(result.columns.map((c) => c.name)).toEqual([
      'id',
      'big',
      'num',
      'ts',
      'tstz',
      'bin',
      'doc',
      'txt',
      'empty',
    ])
    expect(result.rows[0]).toEqual(typeFixtures[dialect].expected)
    expect(result.rows[1]).toEqual([2, null, null, null, null, null, null, null, null])
  })

  it('keeps the digits beyond a double, trailing zeros and repeated keys of a JSON document', async () => {
    const stored =
      '{"id": 9007199254740993, "big": 12345678901234567890, "price": 1.10, "k": 1, "k": 2}'
    await collect(conn, `CREATE TABLE j (doc json)`)
    await collect(conn, `INSERT INTO j VALUES ('${stored}')`)
    const [cell] = (await collect(conn, 'SELECT doc FROM j')).rows[0]!
    expect(cellToText(cell!, Infinity)).toBe(
      '{"id":9007199254740993,"big":12345678901234567890,"price":1.10,"k":1,"k":2}',
    )
    expect(cell).toMatchObject({ $json: { price: 1.1, k: 2 } })
  })

  it('reports how many rows a statement changed', async () => {
    await collect(conn, 'CREATE TABLE c (id int)')
    const inserted = await collect(conn, 'INSERT INTO c VALUES (1), (2), (3)')
    expect(inserted.affectedRows).toBe(3)
    expect(inserted.rows).toEqual([])
  })

  it('streams 200,000 rows in bounded batches', async () => {
    const result = await collect(conn, series[dialect](200_000), 5000)
    expect(result.rows.length).toBe(200_000)
    expect(result.batches).toBe(40)
    expect(result.rows[199_999]?.[0]).toBe(200_000)
  })

  it('stops early without breaking the connection', async () => {
    let seen = 0
    for await (const event of conn.stream(series[dialect](100_000), { batchSize: 100 })) {
      if (event.kind === 'rows') seen += event.rows.length
      if (seen >= 300) break
    }
    expect(seen).toBe(300)
    expect((await collect(conn, 'SELECT 1 AS one')).rows).toEqual([[1]])
  })

  it('cancels a long statement and keeps the connection usable', async () => {
    const running = failure(collect(conn, longQuery[dialect]))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await conn.cancel()).toBe(true)
    const error = await running
    expect(error.code).toBe('CANCELLED')
    expect((await collect(conn, 'SELECT 1 AS one')).rows).toEqual([[1]])
  })

  it('cancels a statement mid-stream and keeps the connection usable', async () => {
    if (dialect === 'mysql') {
      await collect(
        conn,
        'CREATE TABLE slow AS WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000) SELECT n FROM s',
      )
    }
    let seen = 0
    let cancelling: Promise<boolean> | undefined
    const running = (async () => {
      for await (const event of conn.stream(longStream[dialect], { batchSize: 10 })) {
        if (event.kind === 'rows') seen += event.rows.length
        if (seen === 20) cancelling = conn.cancel()
      }
    })()
    const error = await failure(running)
    // The cancel's own session must be done before the database is dropped, or dropping it fails that session.
    await cancelling
    expect(error.code).toBe('CANCELLED')
    expect(seen).toBeGreaterThanOrEqual(20)
    expect((await collect(conn, 'SELECT 3 AS three')).rows).toEqual([[3]])
  })

  it('cancels while the consumer pauses between batches, when the server has nothing running', async () => {
    const rows = series[dialect](1000)
    let seen = 0
    const running = (async () => {
      for await (const event of conn.stream(rows, { batchSize: 10 })) {
        if (event.kind !== 'rows') continue
        seen += event.rows.length
        if (seen === 10) {
          // Long enough for the server to finish or go idle between fetches.
          await new Promise((resolve) => setTimeout(resolve, 300))
          await conn.cancel()
        }
      }
    })()
    const error = await failure(running)
    expect(error.code).toBe('CANCELLED')
    expect(seen).toBeLessThan(1000)
    expect((await collect(conn, 'SELECT 4 AS four')).rows).toEqual([[4]])
  })

  it('reports a syntax error with its position', async () => {
    const sql = 'SELECT 1 AS a,\n  2 FROMM nowhere'
    const error = await failure(collect(conn, sql))
    expect(error.code).toBe('SQL_ERROR')
    expect(error.data.position).toBe(
      sql.indexOf('nowhere') + 1 === error.data.position
        ? error.data.position
        : sql.indexOf('FROMM') + 1,
    )
    expect(error.message).toMatch(/syntax/i)
    expect((await collect(conn, 'SELECT 2 AS two')).rows).toEqual([[2]])
  })

  it('keeps the constraint a failed statement broke', async () => {
    await collect(conn, 'CREATE TABLE u (id int, CONSTRAINT u_id_unique UNIQUE (id))')
    await collect(conn, 'INSERT INTO u VALUES (1)')
    const error = await failure(collect(conn, 'INSERT INTO u VALUES (1)'))
    expect(error.code).toBe('SQL_ERROR')
    if (dialect === 'postgres') expect(error.data.constraint).toBe('u_id_unique')
    expect(error.message).toMatch(/unique|duplicate/i)
  })

  it('creates, lists and reads back tables with odd names through the dialect quoting', async () => {
    const { quoteIdentifier, quoteLiteral } = dialects[dialect]
    const odd = ['we"ird', 'back`tick', 'select', 'naïve 表', "it's"]
    for (const name of odd) {
      await collect(
        conn,
        `CREATE TABLE ${quoteIdentifier(name)} (${quoteIdentifier(name + ' col')} varchar(40))`,
      )
      await collect(
        conn,
        `INSERT INTO ${quoteIdentifier(name)} VALUES (${quoteLiteral(name + " \\ '\n")})`,
      )
    }
    const { objects } = await conn.listObjects()
    for (const name of odd) {
      const object = objects.find((t) => t.name === name)!
      expect(object.kind).toBe('table')
      const described = await conn.introspect(object)
      expect(described.namespaces[0]?.tables.map((t) => t.columns.map((c) => c.name))).toEqual([
        [name + ' col'],
      ])
      expect((await collect(conn, `SELECT * FROM ${quoteIdentifier(name)}`)).rows).toEqual([
        [name + " \\ '\n"],
      ])
    }
  })

  it('lists tables and views with row estimates, and describes one without the others', async () => {
    await collect(
      conn,
      'CREATE TABLE listed (id int NOT NULL PRIMARY KEY, label varchar(20) NOT NULL, note text)',
    )
    await collect(conn, 'CREATE TABLE other_listed (id int PRIMARY KEY)')
    await collect(conn, 'CREATE VIEW listed_view AS SELECT id FROM listed')
    await collect(conn, "INSERT INTO listed VALUES (1, 'a', NULL), (2, 'b', NULL), (3, 'c', NULL)")
    await collect(conn, analyze[dialect])
    const { namespaces, objects } = await conn.listObjects()
    const listed = objects.find((t) => t.name === 'listed')!
    expect(namespaces).toContain(listed.schema)
    expect(listed).toMatchObject({ kind: 'table', rowEstimate: 3 })
    expect(objects.find((t) => t.name === 'listed_view')?.kind).toBe('view')

    const model = await conn.introspect(listed)
    const [ns] = model.namespaces
    expect(ns?.views).toEqual([])
    expect(ns?.tables.map((t) => t.name)).toEqual(['listed'])
    expect(ns?.tables[0]?.columns.map((c) => [c.name, c.nullable])).toEqual([
      ['id', false],
      ['label', false],
      ['note', true],
    ])
    expect(ns?.tables[0]?.primaryKey?.columns).toEqual(['id'])
    const view = await conn.introspect({ schema: listed.schema, name: 'listed_view' })
    expect(view.namespaces[0]?.views.map((v) => v.columns)).toEqual([['id']])
  })
})

describe('sqlite writes', () => {
  it('refuses to cancel a write it cannot interrupt, and lets it finish', async () => {
    const db = await createTestDatabase('sqlite')
    const conn = await connectUrl(db.url)
    try {
      const write = collect(
        conn,
        'CREATE TABLE w AS WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3000000) SELECT n FROM s',
      )
      await new Promise((resolve) => setTimeout(resolve, 300))
      const refusal = await failure(conn.cancel())
      expect(refusal.code).toBe('BUSY')
      expect(refusal.message).toMatch(/cannot interrupt .* changes will be kept/)
      expect((await write).affectedRows).not.toBeNull()
      expect((await collect(conn, 'SELECT count(*) FROM w')).rows).toEqual([[3_000_000]])
    } finally {
      await conn.close()
      await db.drop()
    }
  })
})

describe('connection failures', () => {
  let silent: Server
  let silentPort = 0

  beforeAll(async () => {
    // Accepts connections and never answers, like a host behind a dropping firewall.
    silent = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    silentPort = (silent.address() as { port: number }).port
    await ensureAuthTestUsers()
  })

  afterAll(() => {
    silent.close()
  })

  const pgHost = new URL(pgAdminUrl)

  it.each([
    ['postgres', `postgres://sluice_auth_test:wrong@${pgHost.host}/postgres`],
    ['mysql', 'mysql://sluice_auth_test:wrong@127.0.0.1:3306/'],
    // A restored session's URL has no password: a server that wants one says so, as AUTH_FAILED.
    ['postgres', `postgres://sluice_auth_test@${pgHost.host}/postgres`],
    ['mysql', 'mysql://sluice_auth_test@127.0.0.1:3306/'],
  ])(
    '%s: a wrong password is AUTH_FAILED',
    async (_dialect, url) => {
      const error = await failure(connectUrl(url))
      expect(
        error.code,
        `${error.message} (PostgreSQL needs scripts/prepare-test-machine.sh for password auth)`,
      ).toBe('AUTH_FAILED')
      expect(error.message).toMatch(/sluice_auth_test|password|authentication/i)
    },
    10_000,
  )

  it.each([
    ['postgres', 'postgres://postgres@127.0.0.1:1/postgres'],
    ['mysql', 'mysql://root@127.0.0.1:1/'],
  ])(
    '%s: a closed port is UNREACHABLE',
    async (_dialect, url) => {
      const error = await failure(connectUrl(url))
      expect(error.code).toBe('UNREACHABLE')
      expect(error.message).toContain('127.0.0.1:1')
    },
    10_000,
  )

  it.each(['postgres', 'mysql'])(
    '%s: a host that never answers is a TIMEOUT',
    async (scheme) => {
      const error = await failure(
        connectUrl(`${scheme}://u@127.0.0.1:${silentPort}/db`, { connectTimeoutMs: 2000 }),
      )
      expect(error.code).toBe('TIMEOUT')
    },
    10_000,
  )

  it('sqlite: a file in a missing folder is NOT_FOUND', async () => {
    const error = await failure(connectUrl('sqlite:///no/such/folder/x.db'))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toMatch(/open/i)
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { openHarness, type Harness } from '../testing/serviceHarness'
import { allDialects } from '../testing/testDatabases'
import { HistoryStore } from './HistoryStore'

/** History is written after the result is reported, so a search may have to wait for it. */
async function eventually(h: Harness, text: string, count: number) {
  const search = async () =>
    (
      (await h.call('history.search', { text, limit: 50 })) as {
        entries: Record<string, unknown>[]
      }
    ).entries
  for (let attempt = 0; attempt < 100; attempt++) {
    const entries = await search()
    if (entries.length >= count) return entries
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return search()
}

/** Statements that would take about 30 s if nobody stopped them. */
const slow: Record<DialectName, string> = {
  postgres: 'SELECT pg_sleep(30) AS history_slow',
  mysql: 'SELECT SLEEP(30) AS history_slow',
  sqlite:
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000000) SELECT n AS history_slow FROM s',
}

describe('query history', () => {
  let h: Harness
  beforeAll(async () => {
    h = await openHarness('sqlite')
  })
  afterAll(() => h.close())

  const search = async (text: string) =>
    (
      (await h.call('history.search', { text, limit: 50 })) as {
        entries: Record<string, unknown>[]
      }
    ).entries

  it('keeps every statement run, newest first, with its outcome', async () => {
    await h.run('a', "SELECT 'alpha' AS word")
    await h.run('b', 'SELECT * FROM missing_table')
    await h.run('c', "SELECT 'alpha beta' AS words")
    const entries = await eventually(h, 'alpha', 2)
    expect(entries.map((e) => e.sql)).toEqual([
      "SELECT 'alpha beta' AS words",
      "SELECT 'alpha' AS word",
    ])
    expect(entries[0]).toMatchObject({ dialect: 'sqlite', rowCount: 1, outcome: 'done' })
    expect(await eventually(h, 'missing_table', 1)).toMatchObject([
      { outcome: 'error', rowCount: 0 },
    ])
  })

  it('searches for LIKE wildcards and quotes literally', async () => {
    await h.run('pct', "SELECT '100% it''s' AS odd")
    await h.run('plain', "SELECT '100 percent' AS plain")
    expect((await eventually(h, "% it''s", 1)).map((e) => e.sql)).toEqual([
      "SELECT '100% it''s' AS odd",
    ])
    expect(await search('_no_such_')).toEqual([])
  })
})

describe.each(allDialects)('%s history of what a statement did', (dialect) => {
  let h: Harness
  beforeAll(async () => {
    h = await openHarness(dialect)
  })
  afterAll(() => h.close())

  it('records the rows an UPDATE changed, apart from the rows a SELECT returned', async () => {
    await h.run('create', 'CREATE TABLE history_pets (id int PRIMARY KEY, name varchar(20))')
    await h.run('fill', "INSERT INTO history_pets VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')")
    expect(
      await h.run('update', "UPDATE history_pets SET name = 'changed' WHERE id <= 3"),
    ).toMatchObject({ type: 'query.done', affectedRows: 3 })
    await h.run('select', 'SELECT id FROM history_pets ORDER BY id')
    expect(await eventually(h, 'UPDATE history_pets', 1)).toMatchObject([
      { outcome: 'done', affectedRows: 3, rowCount: 0 },
    ])
    expect(await eventually(h, 'SELECT id FROM history_pets', 1)).toMatchObject([
      { outcome: 'done', affectedRows: null, rowCount: 4 },
    ])
  })

  it('records a cancelled statement as cancelled, not failed', async () => {
    const outcome = h.run('slow', slow[dialect])
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await h.call('query.cancel', { queryId: 'slow' })).toEqual({ cancelled: true })
    expect(await outcome).toMatchObject({ type: 'query.error', error: { code: 'CANCELLED' } })
    expect(await eventually(h, 'history_slow', 1)).toMatchObject([
      { outcome: 'cancelled', affectedRows: null },
    ])
    await h.run('fails', 'SELECT * FROM history_missing_table')
    expect(await eventually(h, 'history_missing_table', 1)).toMatchObject([{ outcome: 'error' }])
  })
})

describe('history store', () => {
  it('keeps a file made before affected rows were recorded, and adds to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-history-'))
    const file = join(dir, 'history.sqlite')
    // The table as the first release created it.
    const old = new Database(file)
    old.exec(`CREATE TABLE history (
      id INTEGER PRIMARY KEY, sql TEXT NOT NULL, connection TEXT NOT NULL, dialect TEXT NOT NULL,
      started_at TEXT NOT NULL, elapsed_ms REAL NOT NULL, row_count INTEGER NOT NULL, outcome TEXT NOT NULL)`)
    old.exec(
      "INSERT INTO history (sql, connection, dialect, started_at, elapsed_ms, row_count, outcome) VALUES ('SELECT 1 AS from_before', 'test', 'sqlite', '2024-01-01T00:00:00.000Z', 1, 1, 'done')",
    )
    old.close()
    const store = await HistoryStore.open(file)
    try {
      await store.add({
        sql: 'DELETE FROM from_after',
        connection: 'test',
        dialect: 'sqlite',
        startedAt: new Date().toISOString(),
        elapsedMs: 1,
        rowCount: 0,
        affectedRows: 2,
        outcome: 'done',
      })
      expect(await store.search('from_', 50)).toMatchObject([
        { sql: 'DELETE FROM from_after', affectedRows: 2 },
        { sql: 'SELECT 1 AS from_before', rowCount: 1, affectedRows: null, outcome: 'done' },
      ])
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps only the newest entries, so the file stops growing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-history-'))
    const store = await HistoryStore.open(join(dir, 'history.sqlite'), 3)
    try {
      for (let i = 1; i <= 7; i++)
        await store.add({
          sql: `SELECT ${i} AS kept_or_not`,
          connection: 'test',
          dialect: 'sqlite',
          startedAt: new Date().toISOString(),
          elapsedMs: 1,
          rowCount: 1,
          affectedRows: null,
          outcome: 'done',
        })
      expect((await store.search('kept_or_not', 50)).map((e) => e.sql)).toEqual([
        'SELECT 7 AS kept_or_not',
        'SELECT 6 AS kept_or_not',
        'SELECT 5 AS kept_or_not',
      ])
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

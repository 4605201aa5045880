import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarness, type Harness } from '../testing/serviceHarness'
import { HistoryStore } from './HistoryStore'

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

  /** History is written after the result is reported, so a search may have to wait for it. */
  const eventually = async (text: string, count: number) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const entries = await search(text)
      if (entries.length >= count) return entries
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return search(text)
  }

  it('keeps every statement run, newest first, with its outcome', async () => {
    await h.run('a', "SELECT 'alpha' AS word")
    await h.run('b', 'SELECT * FROM missing_table')
    await h.run('c', "SELECT 'alpha beta' AS words")
    const entries = await eventually('alpha', 2)
    expect(entries.map((e) => e.sql)).toEqual([
      "SELECT 'alpha beta' AS words",
      "SELECT 'alpha' AS word",
    ])
    expect(entries[0]).toMatchObject({ dialect: 'sqlite', rowCount: 1, outcome: 'done' })
    expect(await eventually('missing_table', 1)).toMatchObject([{ outcome: 'error', rowCount: 0 }])
  })

  it('searches for LIKE wildcards and quotes literally', async () => {
    await h.run('pct', "SELECT '100% it''s' AS odd")
    await h.run('plain', "SELECT '100 percent' AS plain")
    expect((await eventually("% it''s", 1)).map((e) => e.sql)).toEqual([
      "SELECT '100% it''s' AS odd",
    ])
    expect(await search('_no_such_')).toEqual([])
  })
})

describe('history store', () => {
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

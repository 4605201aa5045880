import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarness, type Harness } from '../testing/serviceHarness'

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

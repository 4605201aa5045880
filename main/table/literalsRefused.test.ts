import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarness, type Harness } from '../testing/serviceHarness'

/**
 * MySQL's NO_BACKSLASH_ESCAPES makes a backslash in a string literal text,
 * while the dialect's literals escape with backslashes: a page compiled then
 * could match other rows, so it is refused until the mode is off again.
 */
describe('generated statements on a MySQL session with NO_BACKSLASH_ESCAPES', () => {
  let h: Harness
  let runs = 0
  const run = async (sql: string) => {
    const end = await h.run(`q${++runs}`, sql)
    if (end.type !== 'query.done') throw new Error(JSON.stringify(end))
  }
  const page = () =>
    h.call('table.query', {
      connectionId: h.connectionId,
      object: { schema: h.db.schema, name: 'notes' },
      sort: [],
      filters: [{ column: 'body', op: 'eq', value: 'a\\b' }],
      where: '',
      page: { kind: 'first' },
      limit: 10,
    })

  beforeAll(async () => {
    h = await openHarness('mysql')
    await run('CREATE TABLE notes (id int PRIMARY KEY, body varchar(20))')
  })
  afterAll(() => h?.close())

  it('are refused while the session has it, saying why, and written again once it is off', async () => {
    await expect(page()).resolves.toMatchObject({ paging: 'keyset' })
    await run("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')")
    await expect(page()).rejects.toThrow(/NO_BACKSLASH_ESCAPES/)
    await expect(
      h.call('json.filter', {
        connectionId: h.connectionId,
        object: { schema: h.db.schema, name: 'notes' },
        column: 'body',
        where: '',
      }),
    ).rejects.toThrow(/NO_BACKSLASH_ESCAPES/)
    await run("SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')")
    await expect(page()).resolves.toMatchObject({ paging: 'keyset' })
  })
})

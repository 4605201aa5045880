import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cell } from '../../shared/cells'
import type { TableQuery, TableQueryInput } from '../../shared/tableContract'
import { dialects } from '../dialects/registry'
import { openHarness, type Harness } from '../testing/serviceHarness'
import { allDialects } from '../testing/testDatabases'

type Request = Omit<TableQueryInput, 'connectionId' | 'object'> & { name?: string }

describe.each(allDialects)('table.query through the service on %s', (dialect) => {
  let h: Harness
  let runs = 0
  const call = ({ name = 'people', ...request }: Request) =>
    h.call('table.query', {
      connectionId: h.connectionId,
      object: { schema: h.db.schema, name },
      ...request,
    }) as Promise<TableQuery>
  /** Runs the SQL as the renderer does, through query.run and query.rows. */
  const run = async (sql: string) => {
    const queryId = `q${++runs}`
    const end = await h.run(queryId, sql)
    if (end.type !== 'query.done') throw new Error(JSON.stringify(end))
    return h.rows(queryId, 0, 1000)
  }
  const byName: Request = {
    sort: [{ column: 'name', direction: 'desc' }],
    filters: [],
    where: '',
    page: { kind: 'first' },
    limit: 2,
  }

  beforeAll(async () => {
    h = await openHarness(dialect)
    await run('CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(50))')
    await run("INSERT INTO people VALUES (1, 'ann'), (2, 'bob'), (3, 'cy'), (4, NULL), (5, 'bob')")
    await run('CREATE VIEW named AS SELECT id, name FROM people WHERE name IS NOT NULL')
  })
  afterAll(() => h?.close())

  it('compiles pages that query.run streams, and their count', async () => {
    const ids = (rows: unknown[][]) => rows.map((row) => Number(row[0]))
    // By name descending, then id: where NULL sorts high, the NULL name (id 4) comes first.
    const order = dialects[dialect].capabilities.nullsSortHigh ? [4, 3, 2, 5, 1] : [3, 2, 5, 1, 4]
    const first = await call(byName)
    expect(first).toMatchObject({ paging: 'keyset', anchorColumns: ['name', 'id'] })
    const page = await run(first.sql)
    expect(ids(page)).toEqual(order.slice(0, 3))
    const anchor = [page[1]![1], page[1]![0]] as Cell[]
    const second = await call({ ...byName, page: { kind: 'after', anchor } })
    expect(ids(await run(second.sql))).toEqual(order.slice(2, 5))
    const last = await call({ ...byName, page: { kind: 'last' } })
    expect(ids(await run(last.sql))).toEqual(order.slice(3))
    expect(Number((await run(first.countSql))[0]![0])).toBe(5)
  })

  it('ANDs a WHERE that ends in a comment without losing the ORDER BY or LIMIT', async () => {
    const { sql, countSql } = await call({ ...byName, where: "name <> 'cy' -- not cy" })
    // NULL <> 'cy' is not true, so the NULL name goes too.
    expect((await run(sql)).map((row) => Number(row[0]))).toEqual([2, 5, 1])
    expect(Number((await run(countSql))[0]![0])).toBe(3)
  })

  it('pages a view by offset, filters and all', async () => {
    const request: Request = {
      ...byName,
      name: 'named',
      filters: [{ column: 'name', op: 'eq', value: 'bob' }],
      page: { kind: 'offset', offset: 1 },
    }
    const view = await call(request)
    expect(view).toMatchObject({ paging: 'offset', anchorColumns: [] })
    expect((await run(view.sql)).map((row) => Number(row[0]))).toEqual([5])
    await expect(call({ ...request, page: { kind: 'last' } })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', message: expect.stringContaining('no primary key') },
    })
  })

  it('says what is wrong with a request', async () => {
    const refused = (request: Request, code: string, message: RegExp) =>
      expect(call(request)).rejects.toMatchObject({
        data: { code, message: expect.stringMatching(message) },
      })
    await refused({ ...byName, name: 'nobody' }, 'NOT_FOUND', /No table or view "nobody"/)
    await refused(
      { ...byName, sort: [{ column: 'age', direction: 'asc' }] },
      'BAD_REQUEST',
      /No column "age"/,
    )
    await refused(
      { ...byName, filters: [{ column: 'id', op: 'lt' }] },
      'BAD_REQUEST',
      /"lt" filter on column id needs a value/,
    )
    await refused(
      { ...byName, page: { kind: 'before', anchor: ['bob'] } },
      'BAD_REQUEST',
      /anchor has 1 values; the page is ordered by 2 columns \(name, id\)/,
    )
    await refused({ ...byName, limit: 0 }, 'BAD_REQUEST', /Invalid input for table.query/)
    await refused(
      { ...byName, filters: [{ column: 'id', op: 'like' as 'eq', value: '1' }] },
      'BAD_REQUEST',
      /Invalid input/,
    )
    // A WHERE that would close its parentheses and escape the filters and the page's keyset.
    await refused(
      { ...byName, filters: [{ column: 'id', op: 'eq', value: '1' }], where: '1=1) OR (1=1' },
      'BAD_REQUEST',
      /WHERE condition cannot be used: the "\)" at character 4/,
    )
    await refused({ ...byName, where: 'id > 1;' }, 'BAD_REQUEST', /takes one condition/)
  })
})

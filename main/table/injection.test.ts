import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cell } from '../../shared/cells'
import type { ColumnFilter, TablePage } from '../../shared/tableContract'
import { collectRows } from '../dialects/collectRows'
import { connectUrl, dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { TableQueries } from './TableQueries'

const hostile = [
  "'; DROP TABLE notes; --",
  "\\'; DROP TABLE notes; --",
  '\\',
  "\\\\'",
  '"; DROP TABLE notes; --',
  '`; DROP TABLE notes; --',
  "it's",
  '$$; DROP TABLE notes; $$',
  '*/ OR 1=1 /*',
  "') OR ('1'='1",
  'ünï ☃ 𝄞 \u202e',
  '%',
  '_',
  'line\nbreak\r\ttab',
  '\u001a',
]

/** A column whose name would end the statement if it were not quoted. */
const hostileColumn = 'x\'"`; DROP TABLE notes; --'

describe.each(allDialects)('hostile values and names on %s', (dialect) => {
  let db: TestDatabase
  let connection: DialectConnection
  const tables = new TableQueries(() => connection)
  const { quoteIdentifier: q, quoteLiteral } = dialects[dialect]
  const rows = (sql: string) => collectRows(connection, sql)
  const ids = async (sql: string) => (await rows(sql)).map((row) => Number(row[0])).sort()
  const query = (filters: ColumnFilter[], page: TablePage = { kind: 'first' }) =>
    tables.query({
      connectionId: 'c',
      object: { schema: db.schema, name: 'notes' },
      sort: [{ column: 'body', direction: 'asc' }],
      filters,
      where: '',
      page,
      limit: 100,
    })
  const expectIntact = async () =>
    expect(Number((await rows('SELECT COUNT(*) FROM notes'))[0]![0])).toBe(hostile.length)

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    connection = await connectUrl(db.url)
    const text = dialect === 'mysql' ? 'VARCHAR(200)' : 'TEXT'
    await rows(`CREATE TABLE notes (id INT PRIMARY KEY, body ${text}, ${q(hostileColumn)} ${text})`)
    const values = hostile.map((v, i) => `(${i + 1}, ${quoteLiteral(v)}, ${quoteLiteral(v)})`)
    await rows(`INSERT INTO notes VALUES ${values.join(', ')}`)
  })
  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  it.each(hostile.map((value, i) => ({ value, id: i + 1 })))(
    'matches $value only as data',
    async ({ value, id }) => {
      for (const column of ['body', hostileColumn]) {
        const eq = await query([{ column, op: 'eq', value }])
        expect(await ids(eq.sql)).toEqual([id])
        const listed = await query([{ column, op: 'in', values: [value, "x'); DROP TABLE notes"] }])
        expect(await ids(listed.sql)).toEqual([id])
        const contains = await query([{ column, op: 'contains', value }])
        const containing = hostile.flatMap((v, i) => (v.includes(value) ? [i + 1] : []))
        expect(await ids(contains.sql)).toEqual(containing)
      }
      await expectIntact()
    },
  )

  it.each(hostile.map((value, i) => ({ value, id: i + 1 })))(
    'pages after and before $value as an anchor',
    async ({ value, id }) => {
      const { sql } = await query([], { kind: 'first' })
      const ordered = (await rows(sql)).map((row) => Number(row[0]))
      const at = ordered.indexOf(id)
      const anchor: Cell[] = [value, id]
      const after = await rows((await query([], { kind: 'after', anchor })).sql)
      expect(after.map((row) => Number(row[0]))).toEqual(ordered.slice(at + 1))
      const before = await rows((await query([], { kind: 'before', anchor })).sql)
      expect(before.map((row) => Number(row[0]))).toEqual(ordered.slice(0, at))
      await expectIntact()
    },
  )

  it('sends a non-numeral key anchor to the server as a string, which runs or fails there', async () => {
    const anchor: Cell[] = ['x', '0; DROP TABLE notes; --']
    const { sql } = await query([], { kind: 'after', anchor })
    await rows(sql).catch((error: unknown) => expect(error).toMatchObject({ code: 'SQL_ERROR' }))
    await expectIntact()
  })

  it('refuses a hostile name that is no column, and bytes or JSON that are not values', async () => {
    await expect(query([{ column: "body'; DROP TABLE notes; --", op: 'isNull' }])).rejects.toThrow(
      /No column "body'; DROP TABLE notes; --"/,
    )
    const bytes = { $bytes: "'); DROP TABLE notes; --" }
    await expect(query([], { kind: 'after', anchor: [bytes, 1] })).rejects.toThrow(/base64/)
    await expect(query([], { kind: 'after', anchor: [{ $json: 'x' }, 1] })).rejects.toThrow(
      /JSON value/,
    )
    await expectIntact()
  })

  it('refuses NUL where the dialect cannot hold it, and otherwise matches nothing', async () => {
    const nul = query([{ column: 'body', op: 'eq', value: 'a\0b' }])
    const outcome = await nul.then(
      async ({ sql }) => rows(sql),
      (error: unknown) => error,
    )
    if (Array.isArray(outcome)) expect(outcome).toEqual([])
    else expect(outcome).toMatchObject({ code: 'BAD_REQUEST', message: /NUL/ })
    await expectIntact()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cell } from '../../shared/cells'
import type { DialectName } from '../../shared/connectionUrl'
import type { TablePage } from '../../shared/tableContract'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { TableQueries } from './TableQueries'

/** A column type, its values (SQL literals) with duplicates and NULL, and how a sort on it pages. */
interface FamilyCase {
  name: string
  /** Statements run before the table is created. */
  setup?: Partial<Record<DialectName, string>>
  type: Partial<Record<DialectName, string>>
  values: (dialect: DialectName) => string[]
  paging: Partial<Record<DialectName, 'keyset' | 'offset'>>
}

const hex = (dialect: DialectName, digits: string) =>
  dialect === 'postgres' ? `decode('${digits}', 'hex')` : `X'${digits}'`
const uuids = ['00000000-0000-0000-0000-00000000000b', 'ffffffff-0000-0000-0000-000000000001']
const all = <T>(value: T): Record<DialectName, T> => ({
  sqlite: value,
  postgres: value,
  mysql: value,
})

const cases: FamilyCase[] = [
  {
    name: 'binary',
    type: { sqlite: 'BLOB', postgres: 'bytea', mysql: 'VARBINARY(16)' },
    values: (d) => [hex(d, '00ff'), hex(d, '0a'), 'NULL', hex(d, ''), hex(d, '0a'), hex(d, 'ff')],
    paging: all('keyset'),
  },
  {
    name: 'uuid',
    type: { sqlite: 'UUID', postgres: 'uuid', mysql: 'UUID' },
    values: () => [`'${uuids[1]}'`, 'NULL', `'${uuids[0]}'`, `'${uuids[1]}'`],
    paging: all('keyset'),
  },
  {
    name: 'enum',
    setup: { postgres: "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')" },
    type: { postgres: 'mood', mysql: "ENUM('sad', 'ok', 'happy')" },
    values: () => ["'happy'", "'sad'", 'NULL', "'ok'", "'sad'", "'happy'"],
    paging: { postgres: 'keyset', mysql: 'offset' },
  },
  {
    // MySQL/MariaDB ORDER BY ranks long text by its first max_sort_length bytes only: such values share a long prefix.
    name: 'long_text',
    type: { sqlite: 'TEXT', postgres: 'text', mysql: 'TEXT' },
    values: () => [
      "'" + 'x'.repeat(1100) + "b'",
      "'" + 'x'.repeat(1100) + "a'",
      'NULL',
      "'" + 'x'.repeat(1100) + "a'",
    ],
    paging: { sqlite: 'keyset', postgres: 'keyset', mysql: 'offset' },
  },
  {
    name: 'short_text',
    type: { sqlite: 'VARCHAR(200)', postgres: 'varchar(200)', mysql: 'VARCHAR(200)' },
    values: () => ["'b'", "'a'", 'NULL', "'a'", "'c'"],
    paging: all('keyset'),
  },
  {
    name: 'float',
    type: { sqlite: 'REAL', postgres: 'real', mysql: 'FLOAT' },
    values: () => ['1.1', '2.5', 'NULL', '1.1', '-0.3'],
    paging: all('offset'),
  },
  {
    name: 'json',
    type: { sqlite: 'JSON', postgres: 'jsonb', mysql: 'JSON' },
    values: () => [`'{"a": 1}'`, `'[1]'`, 'NULL', `'2'`],
    paging: all('offset'),
  },
]

describe.each(allDialects)('how a sort on each type pages on %s', (dialect) => {
  let db: TestDatabase
  let connection: DialectConnection
  const tables = new TableQueries(() => connection)
  const applicable = cases.filter((c) => c.type[dialect] !== undefined)

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    connection = await connectUrl(db.url)
    for (const c of applicable) {
      const setup = c.setup?.[dialect]
      if (setup) await collectRows(connection, setup)
      await collectRows(
        connection,
        `CREATE TABLE t_${c.name} (id INT PRIMARY KEY, v ${c.type[dialect]})`,
      )
      const rows = c.values(dialect).map((value, i) => `(${i + 1}, ${value})`)
      await collectRows(connection, `INSERT INTO t_${c.name} VALUES ${rows.join(', ')}`)
    }
  })
  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  it.each(applicable)('$name', async (c) => {
    const limit = 2
    const query = (direction: 'asc' | 'desc', page: TablePage) =>
      tables.query({
        connectionId: 'c',
        object: { schema: db.schema, name: `t_${c.name}` },
        sort: [{ column: 'v', direction }],
        filters: [],
        where: '',
        page,
        limit,
      })
    const first = await query('desc', { kind: 'first' })
    expect(first.paging).toBe(c.paging[dialect])
    if (first.paging === 'offset') {
      await expect(query('desc', { kind: 'last' })).rejects.toThrow(/column v \(\w+\)/)
      return
    }
    for (const direction of ['asc', 'desc'] as const) {
      const expected = await collectRows(
        connection,
        `SELECT id, v FROM t_${c.name} ORDER BY v ${direction}, id`,
      )
      const rows: Cell[][] = []
      let page: TablePage = { kind: 'first' }
      for (;;) {
        const got = await collectRows(connection, (await query(direction, page)).sql)
        rows.push(...got.slice(0, limit))
        if (got.length <= limit) break
        page = { kind: 'after', anchor: [rows.at(-1)![1]!, rows.at(-1)![0]!] }
      }
      expect(rows).toEqual(expected)
    }
  })
})

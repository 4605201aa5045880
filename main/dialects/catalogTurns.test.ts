import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectRows } from './collectRows'
import { connectUrl } from './registry'
import type { DialectConnection } from './types'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'

/**
 * The UI asks for several catalog reads at once (the tree's names and other
 * objects, a tab's table, a definition) and then runs a statement: each read
 * gets its own answer, and the statement runs after them.
 */
describe.each(allDialects)('catalog reads asked at once on %s', (dialect) => {
  let db: TestDatabase
  let connection: DialectConnection

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    connection = await connectUrl(db.url)
    await collectRows(connection, 'CREATE TABLE t (id integer PRIMARY KEY, label varchar(20))')
  })
  afterAll(async () => {
    await connection.close()
    await db.drop()
  })

  it('each get their own answer, and a statement runs after them', async () => {
    const warnings: string[] = []
    const warn = (warning: Error) => warnings.push(warning.message)
    process.on('warning', warn)
    try {
      const [objects, others, schema, rows] = await Promise.all([
        connection.listObjects(),
        connection.listOthers(),
        connection.introspect({ schema: db.schema, name: 't' }),
        collectRows(connection, 'SELECT count(*) FROM t'),
      ])
      expect(objects.objects.map((o) => o.name)).toEqual(['t'])
      expect(others).toEqual([])
      expect(schema.namespaces[0]!.tables[0]!.columns.map((c) => c.name)).toEqual(['id', 'label'])
      expect(rows.map((r) => Number(r[0]))).toEqual([0])
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([])
    } finally {
      process.off('warning', warn)
    }
  })
})

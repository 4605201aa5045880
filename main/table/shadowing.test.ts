import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TableQuery } from '../../shared/tableContract'
import { openHarness, type Harness } from '../testing/serviceHarness'

/**
 * A temporary table (or, on PostgreSQL, a search_path) with the name of the
 * table a tab shows must not redirect its page, TRUNCATE or DROP to itself.
 * MySQL/MariaDB are left out: there a temporary table hides the permanent
 * one even under its qualified name, which no statement can get round.
 */
describe.each(['sqlite', 'postgres'] as const)(
  'statements on the table chosen, on %s',
  (dialect) => {
    let h: Harness
    let runs = 0
    const run = async (sql: string) => {
      const queryId = `q${++runs}`
      const end = await h.run(queryId, sql)
      if (end.type !== 'query.done') throw new Error(JSON.stringify(end))
      return h.rows(queryId, 0, 1000)
    }

    beforeAll(async () => {
      h = await openHarness(dialect)
      await run('CREATE TABLE things (id INT PRIMARY KEY, label VARCHAR(20))')
      await run("INSERT INTO things VALUES (1, 'kept'), (2, 'kept too')")
      await run('CREATE TEMP TABLE things (id INT PRIMARY KEY, label VARCHAR(20))')
      await run("INSERT INTO things VALUES (9, 'temporary')")
    })
    afterAll(() => h?.close())

    const object = () => ({ schema: h.db.schema, name: 'things' })

    it('pages and counts the table in its schema, not the temporary one', async () => {
      const page = (await h.call('table.query', {
        connectionId: h.connectionId,
        object: object(),
        sort: [],
        filters: [],
        where: '',
        page: { kind: 'first' },
        limit: 10,
      })) as TableQuery
      expect((await run(page.sql)).map((row) => row[1])).toEqual(['kept', 'kept too'])
      expect(Number((await run(page.countSql))[0]![0])).toBe(2)
    })

    it('truncates the table in its schema, and leaves the temporary one alone', async () => {
      const { sql } = (await h.call('schema.statement', {
        connectionId: h.connectionId,
        object: { ...object(), kind: 'table' },
        action: 'truncate',
      })) as { sql: string }
      await run(sql)
      expect(await run('SELECT label FROM things')).toEqual([['temporary']])
      const table = sql.replace(/^(TRUNCATE TABLE|DELETE FROM) /, '')
      expect(Number((await run(`SELECT count(*) FROM ${table}`))[0]![0])).toBe(0)
    })
  },
)

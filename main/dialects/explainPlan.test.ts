import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanNode } from '../../shared/plan'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { collectRows } from './collectRows'
import { connectUrl, dialects } from './registry'
import type { DialectConnection } from './types'

function labels(node: PlanNode): string[] {
  return [node.label, ...node.children.flatMap(labels)]
}

describe.each(allDialects)('%s EXPLAIN as a tree', (dialect) => {
  let db: TestDatabase
  let connection: DialectConnection
  const run = (sql: string) => collectRows(connection, sql)
  const explain = (sql: string, analyze = false) => dialects[dialect].explainPlan(run, sql, analyze)

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    connection = await connectUrl(db.url)
    await run('CREATE TABLE owners (id int PRIMARY KEY, name varchar(40))')
    await run('CREATE TABLE pets (id int PRIMARY KEY, owner_id int, name varchar(40))')
    await run("INSERT INTO owners VALUES (1, 'Ann'), (2, 'Bo')")
    await run("INSERT INTO pets VALUES (1, 1, 'Tom'), (2, 2, 'Bruno')")
  })

  afterAll(async () => {
    await connection.close()
    await db.drop()
  })

  it('names both tables of a join in the plan', async () => {
    const plan = await explain(
      'SELECT pets.name, owners.name FROM pets JOIN owners ON owners.id = pets.owner_id WHERE pets.id > 0',
    )
    const text = labels(plan).join('\n')
    expect(text).toMatch(/pets/)
    expect(text).toMatch(/owners/)
    expect(plan.children.length + plan.details.length).toBeGreaterThan(0)
  })

  it('reports a malformed statement as an SQL error and keeps the connection', async () => {
    await expect(explain('SELEC nonsense')).rejects.toMatchObject({ data: { code: 'SQL_ERROR' } })
    expect(await run('SELECT 1 AS one')).toEqual([[1]])
  })

  if (dialect === 'postgres') {
    it('measures with ANALYZE without applying the change', async () => {
      const plan = await explain("UPDATE pets SET name = 'changed'", true)
      expect(plan.actualMs).not.toBeNull()
      expect(plan.details.some((line) => line.startsWith('Execution Time'))).toBe(true)
      expect(await run('SELECT name FROM pets ORDER BY id')).toEqual([['Tom'], ['Bruno']])
    })
  } else {
    it('says ANALYZE is for PostgreSQL', async () => {
      await expect(explain('SELECT 1', true)).rejects.toMatchObject({
        data: { code: 'BAD_REQUEST', message: expect.stringContaining('PostgreSQL') },
      })
    })
  }
})

import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import { jsonPetStatements, storyPets } from '../testing/jsonPets'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'

function sluice(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/sluice.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe.each(allDialects)('sluice json on %s', (dialect) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    const connection = await connectUrl(database.url)
    const texts = storyPets.map((pet) => JSON.stringify(pet))
    for (const statement of jsonPetStatements(dialect, 'pets', texts))
      await collectRows(connection, statement)
    await connection.close()
  })

  afterAll(() => database?.drop())

  const filter = (...more: string[]) =>
    sluice('json', '--url', database.url, '--table', 'pets', '--column', 'data', ...more)

  it('prints the matching rows as JSON objects', () => {
    const result = filter('--where', 'breed__icontains="mix"', '--json')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const rows = JSON.parse(result.stdout) as { id: number; data: unknown }[]
    expect(rows.map((row) => Number(row.id))).toEqual([2])
    const data = typeof rows[0]!.data === 'string' ? JSON.parse(rows[0]!.data) : rows[0]!.data
    expect(data).toMatchObject({ name: 'Tom' })
  })

  it('prints the statement with --sql, and names a bad filter', () => {
    const sql = filter('--where', 'favorite_food__0__brand="Acme"', '--sql')
    expect(sql.status).toBe(0)
    expect(sql.stdout).toMatch(/^SELECT \* FROM .*pets.* WHERE .*Acme.*;\n$/s)
    const bad = filter('--where', 'age__lt=five')
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toContain('not a JSON value')
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/)
  })
})

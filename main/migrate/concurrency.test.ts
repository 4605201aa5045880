import { spawn } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConnectionUrl } from '../../shared/connectionUrl'
import { defaultConnectOptions, dialects } from '../dialects/registry'
import { MigrationFolder } from '../testing/migrationFolder'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'

const processes = 10
const migrations = 4

function migrateUp(url: string, dir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli/sluice.ts', 'migrate', 'up', '--url', url, '--dir', dir],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

describe.each(allDialects)('ten concurrent appliers on %s', (dialect) => {
  let db: TestDatabase
  let folder: MigrationFolder
  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    folder = new MigrationFolder()
    folder.write('0', 'log', ['CREATE TABLE applied_log (migration integer)'])
    // Each migration leaves one row per run of it, so a second run would show.
    for (let m = 1; m <= migrations; m++)
      folder.write(String(m), `m${m}`, [
        `CREATE TABLE c${m} (id integer)`,
        `INSERT INTO applied_log (migration) VALUES (${m})`,
      ])
  })
  afterEach(async () => {
    folder.dispose()
    await db.drop()
  })

  it('applies each migration exactly once; the others wait and exit cleanly', async () => {
    const results = await Promise.all(
      Array.from({ length: processes }, () => migrateUp(db.url, folder.dir)),
    )
    expect(results.map((r) => r.stderr)).toEqual(Array(processes).fill(''))
    expect(results.map((r) => r.code)).toEqual(Array(processes).fill(0))
    const session = await dialects[dialect].openMigrationSession(
      parseConnectionUrl(db.url),
      defaultConnectOptions,
    )
    try {
      const counts = await session.query(
        'SELECT migration, count(*) FROM applied_log GROUP BY migration ORDER BY migration',
      )
      expect(counts.map(([m, n]) => [Number(m), Number(n)])).toEqual(
        Array.from({ length: migrations }, (_, i) => [i + 1, 1]),
      )
      const [history] = await session.query(
        "SELECT count(*) FROM sluice_migrations WHERE status = 'applied'",
      )
      expect(Number(history![0])).toBe(migrations + 1)
    } finally {
      await session.close()
    }
  }, 120_000)
})

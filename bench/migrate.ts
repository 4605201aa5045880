/**
 * The migration engine at scale, in one run:
 * - status: reading a folder of N migration files and joining it with a
 *   history of N applied rows (SQLite), the work `sluice migrate status` does;
 * - apply: N trivial migrations (one CREATE TABLE each) through `Migrator.up`
 *   on SQLite and PostgreSQL, against the same N statements run bare through
 *   the raw driver (better-sqlite3, pg) on a fresh database in the same run.
 * Prints milliseconds per migration and the ratio engine / bare. A published
 * comparison has Flyway needing 540 s for 10,000 migrations on PostgreSQL.
 *
 *   node --import tsx bench/migrate.ts [migrations]
 */
import Database from 'better-sqlite3'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { parseConnectionUrl } from '../shared/connectionUrl'
import { openMigrator } from '../main/migrate/openMigrator'
import { MigrationFolder } from '../main/testing/migrationFolder'
import { createTestDatabase } from '../main/testing/testDatabases'

const count = Number(process.argv[2] ?? 10_000)

const statement = (i: number) => `CREATE TABLE bench_${i} (id integer)`

function writeFolder(): MigrationFolder {
  const folder = new MigrationFolder()
  for (let i = 0; i < count; i++)
    folder.write(String(20260101000000 + i), `create_bench_${i}`, [statement(i)])
  return folder
}

async function bare(dialect: 'sqlite' | 'postgres'): Promise<number> {
  const db = await createTestDatabase(dialect)
  try {
    const target = parseConnectionUrl(db.url)
    const t0 = performance.now()
    if (target.dialect === 'sqlite') {
      const sqlite = new Database(target.file)
      for (let i = 0; i < count; i++) sqlite.exec(statement(i))
      sqlite.close()
    } else {
      const client = new pg.Client({ connectionString: db.url })
      await client.connect()
      for (let i = 0; i < count; i++) await client.query(statement(i))
      await client.end()
    }
    return performance.now() - t0
  } finally {
    await db.drop()
  }
}

async function engine(dialect: 'sqlite' | 'postgres', folder: MigrationFolder) {
  const db = await createTestDatabase(dialect)
  try {
    const t0 = performance.now()
    const { migrator, close } = await openMigrator(db.url, folder.dir, 60_000)
    const applied = await migrator.up(undefined)
    const applyMs = performance.now() - t0
    await close()
    if (applied.length !== count) throw new Error(`applied ${applied.length} of ${count}`)
    // Status as `sluice migrate status` computes it: read the folder, read the history, join.
    const s0 = performance.now()
    const handle = await openMigrator(db.url, folder.dir, 60_000)
    const statuses = await handle.migrator.status()
    const statusMs = performance.now() - s0
    await handle.close()
    if (statuses.some((s) => s.status !== 'applied')) throw new Error('not all applied')
    return { applyMs, statusMs }
  } finally {
    await db.drop()
  }
}

async function main() {
  const folder = writeFolder()
  console.log(`${count} migrations, one CREATE TABLE each\n`)
  console.log(
    'dialect   | engine apply | per migration | bare statements | per statement | engine / bare | status of all',
  )
  try {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const bareMs = await bare(dialect)
      const { applyMs, statusMs } = await engine(dialect, folder)
      console.log(
        [
          dialect.padEnd(9),
          `${(applyMs / 1000).toFixed(1)} s`.padStart(12),
          `${(applyMs / count).toFixed(2)} ms`.padStart(13),
          `${(bareMs / 1000).toFixed(1)} s`.padStart(15),
          `${(bareMs / count).toFixed(2)} ms`.padStart(13),
          `${(applyMs / bareMs).toFixed(2)}×`.padStart(13),
          `${statusMs.toFixed(0)} ms`.padStart(13),
        ].join(' | '),
      )
    }
  } finally {
    folder.dispose()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()

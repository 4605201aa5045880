import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { parseConnectionUrl } from '../../shared/connectionUrl'
import { defaultConnectOptions, dialects } from '../dialects/registry'
import type { MigrationSession } from '../dialects/types'
import { tableExists } from '../migrate/history/tableExists'
import { openMigrator } from '../migrate/openMigrator'
import { random } from '../../shared/sql/splitFuzz'
import { MigrationFolder } from './migrationFolder'
import { allDialects, createTestDatabase, type TestDatabase } from './testDatabases'

type FaultKind = 'SIGKILL' | 'server kill'

/** Statements that take a little time without changing the schema, so kills land between and inside statements. */
const pause: Record<DialectName, string> = {
  postgres: 'SELECT pg_sleep(0.015)',
  mysql: 'DO SLEEP(0.015)',
  sqlite:
    'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 60000) SELECT count(*) FROM c',
}

const migrations = 3
const tablesPerMigration = 5

/** Each migration creates its tables one statement at a time, with a pause after each. */
function writeFolder(folder: MigrationFolder, dialect: DialectName): void {
  for (let m = 1; m <= migrations; m++) {
    const statements: string[] = []
    for (let k = 1; k <= tablesPerMigration; k++)
      statements.push(`CREATE TABLE f${m}_${k} (id integer)`, pause[dialect])
    folder.write(String(m), `step${m}`, statements)
  }
}

/** The tables a migration's first `applied` statements create. */
function tablesAfter(m: number, applied: number): string[] {
  return Array.from({ length: Math.ceil(applied / 2) }, (_, i) => `f${m}_${i + 1}`)
}

function startUp(url: string, dir: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'main/cli/sluice.ts', 'migrate', 'up', '--url', url, '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
}

/** Resolves when the process first prints `Applying`, i.e. it holds the lock and has begun. */
function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      if (seen.includes('Applying')) resolve()
    })
    child.on('exit', () => reject(new Error(`migrate up exited before applying: ${seen}`)))
  })
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(child.exitCode)
      : child.on('exit', (code) => resolve(code)),
  )
}

/** Ends the apply process's database session from the server, or its SQLite process. */
async function killSession(
  dialect: DialectName,
  admin: MigrationSession,
  url: string,
  child: ChildProcess,
) {
  const target = parseConnectionUrl(url)
  if (dialect === 'postgres' && target.dialect === 'postgres')
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${target.database}' AND pid <> pg_backend_pid()`,
    )
  else if (dialect === 'mysql' && target.dialect === 'mysql') {
    const ids = await admin.query(
      `SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '${target.database}' AND ID <> CONNECTION_ID()`,
    )
    for (const [id] of ids) await admin.query(`KILL ${Number(id)}`).catch(() => undefined)
  } else {
    // SQLite has no server: its engine process is the session, so that is what is killed.
    const { execSync } = await import('node:child_process')
    const pids = execSync(`pgrep -P ${child.pid} || true`, { encoding: 'utf8' })
      .split(/\s+/)
      .filter(Boolean)
    for (const pid of pids)
      try {
        process.kill(Number(pid), 'SIGKILL')
      } catch (error) {
        // Gone between pgrep and the kill (its work was done): the trial goes on as a late kill.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
      }
  }
}

interface Trial {
  kind: FaultKind
  /** Whether the kill struck while migrations were still running. */
  midRun: boolean
}

/**
 * Kills `sluice migrate up` at random points — the process itself, or its
 * session from the server — then checks that the history and the schema
 * agree, and that a following `up` (after `resolve --retry` where a failed row
 * asks for it) reaches the final state.
 */
export function migrationFaultSuite(trialsPerKind: number): void {
  describe.each(allDialects)('migration faults on %s', (dialect) => {
    const transactional = dialects[dialect].capabilities.transactionalDdl
    const trials: Trial[] = []
    let admin: MigrationSession
    let adminDb: TestDatabase
    let runMs = 0

    beforeAll(async () => {
      adminDb = await createTestDatabase(dialect)
      admin = await dialects[dialect].openMigrationSession(
        parseConnectionUrl(adminDb.url),
        defaultConnectOptions,
      )
      // How long a whole run takes once started, so that kills fall inside it.
      const folder = new MigrationFolder()
      writeFolder(folder, dialect)
      const db = await createTestDatabase(dialect)
      const child = startUp(db.url, folder.dir)
      await started(child)
      const t0 = performance.now()
      expect(await exited(child)).toBe(0)
      runMs = performance.now() - t0
      folder.dispose()
      await db.drop()
    })
    afterAll(async () => {
      await admin.close()
      await adminDb.drop()
      const midRun = trials.filter((t) => t.midRun).length
      console.log(
        `migration fault trials on ${dialect}: ${trials.length} run ` +
          `(${trials.filter((t) => t.kind === 'SIGKILL').length} SIGKILL, ` +
          `${trials.filter((t) => t.kind === 'server kill').length} session killed), ` +
          `${midRun} struck mid-migration, all consistent and recovered`,
      )
    })

    for (const kind of ['SIGKILL', 'server kill'] as const)
      it(`${kind}: ${trialsPerKind} trials leave history and schema agreeing, and recover`, async () => {
        const rand = random(kind.length * 7919 + dialect.length)
        for (let trial = 0; trial < trialsPerKind; trial++) {
          const db = await createTestDatabase(dialect)
          const folder = new MigrationFolder()
          writeFolder(folder, dialect)
          try {
            const child = startUp(db.url, folder.dir)
            await started(child)
            await new Promise((r) => setTimeout(r, rand() * runMs * 0.9))
            const midRun = child.exitCode === null
            if (kind === 'SIGKILL') child.kill('SIGKILL')
            else await killSession(dialect, admin, db.url, child)
            await exited(child)
            trials.push({ kind, midRun })
            await checkAgreement(db.url, transactional)
            await recover(db.url, folder.dir)
          } finally {
            folder.dispose()
            await db.drop()
          }
        }
      }, 600_000)
  })
}

/** History and schema agree: every applied migration's tables, exactly the recorded part of a failed one, nothing else. */
async function checkAgreement(url: string, transactional: boolean): Promise<void> {
  const target = parseConnectionUrl(url)
  const session = await dialects[target.dialect].openMigrationSession(target, defaultConnectOptions)
  try {
    const folder = new MigrationFolder()
    writeFolder(folder, target.dialect)
    const handle = await openMigrator(url, folder.dir, 10_000)
    const statuses = await handle.migrator.status()
    await handle.close()
    folder.dispose()
    for (let m = 1; m <= migrations; m++) {
      const row = statuses.find((s) => s.version === String(m))!.history
      const applied =
        row === null ? 0 : row.status === 'applied' ? tablesPerMigration * 2 : row.statementsApplied
      if (transactional)
        expect(row?.statementsApplied ?? 0, `migration ${m} partial`).toBe(
          row?.status === 'applied' ? applied : 0,
        )
      const expected = tablesAfter(m, applied)
      const present: string[] = []
      for (let k = 1; k <= tablesPerMigration; k++)
        if (await tableExists(session, `f${m}_${k}`)) present.push(`f${m}_${k}`)
      expect(present, `migration ${m}: history ${JSON.stringify(row)}`).toEqual(expected)
    }
  } finally {
    await session.close()
  }
}

/** What a user would do next: settle a failed row by running the rest, then `up`; the end is every migration applied. */
async function recover(url: string, dir: string): Promise<void> {
  const handle = await openMigrator(url, dir, 10_000)
  try {
    if ((await handle.migrator.status()).some((s) => s.status === 'failed'))
      await handle.migrator.resolve(undefined, 'retry')
    await handle.migrator.up(undefined)
    const statuses = await handle.migrator.status()
    expect(statuses.map((s) => s.status)).toEqual(Array(migrations).fill('applied'))
  } finally {
    await handle.close()
  }
}

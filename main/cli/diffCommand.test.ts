import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'

/** Runs the CLI from source, as `sluice …` would run the build. */
function sluice(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/sluice.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const before =
  'CREATE TABLE people (id integer PRIMARY KEY, full_name varchar(100), age integer);\n'
const after =
  'CREATE TABLE people (id integer PRIMARY KEY, name varchar(100), age integer, email varchar(200));\n'

describe.each(allDialects)('sluice diff and migrate new/drift on %s', (dialect) => {
  let db: TestDatabase
  let dir: string
  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'sluice-diff-cli-'))
    writeFileSync(join(dir, 'before.sql'), before)
    writeFileSync(join(dir, 'after.sql'), after)
    const connection = await connectUrl(db.url)
    try {
      await collectRows(connection, before)
      await collectRows(connection, "INSERT INTO people VALUES (1, 'Ada Lovelace', 36)")
    } finally {
      await connection.close()
    }
  })
  afterEach(async () => {
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('exits 0 for the same schema and 2 for a different one, proposing the rename', () => {
    const same = sluice('diff', '--from', db.url, '--to', join(dir, 'before.sql'))
    expect([same.status, same.stdout]).toEqual([0, 'No differences.\n'])
    const differs = sluice('diff', '--from', db.url, '--to', join(dir, 'after.sql'))
    expect(differs.status).toBe(2)
    expect(differs.stdout).toMatch(/destructive +drop column people\.full_name/)
    expect(differs.stdout).toMatch(/possible rename: --rename 'people\.full_name=name'/)
  })

  it('confirms a rename with --rename, and prints JSON or the migration SQL', () => {
    const json = sluice(
      'diff',
      '--from',
      db.url,
      '--to',
      join(dir, 'after.sql'),
      '--json',
      '--rename',
      'people.full_name=name',
    )
    expect(json.status).toBe(2)
    const parsed = JSON.parse(json.stdout) as { changes: { kind: string; safety: string }[] }
    expect(parsed.changes.map((c) => [c.kind, c.safety])).toEqual([
      ['renameColumn', 'safe'],
      ['addColumn', 'safe'],
    ])
    const sql = sluice(
      'diff',
      '--from',
      db.url,
      '--to',
      join(dir, 'after.sql'),
      '--sql',
      '--rename',
      'people.full_name=name',
    )
    expect(sql.stdout).toMatch(/-- migrate:up[\s\S]*RENAME COLUMN[\s\S]*-- migrate:down/)
  })

  it('compares a schema file with a snapshot and a migration folder without a database', () => {
    const snapshot = join(dir, 'snapshot.json')
    writeFileSync(snapshot, sluice('schema', '--url', db.url, '--json').stdout)
    const devUrl = dialect === 'sqlite' ? [] : ['--dev-url', db.url]
    const same = sluice('diff', '--from', snapshot, '--to', join(dir, 'before.sql'), ...devUrl)
    expect([same.status, same.stderr]).toEqual([0, ''])
  })

  /** A folder whose first migration made the table the database already has. */
  const baselined = () => {
    const folder = join(dir, 'migrations')
    mkdirSync(folder)
    writeFileSync(join(folder, '1_people.sql'), `-- migrate:up\n${before}`)
    expect(sluice('migrate', 'baseline', '1', '--url', db.url, '--dir', folder).status).toBe(0)
    return folder
  }

  const migrateNew = (folder: string, name: string, ...more: string[]) =>
    sluice('migrate', 'new', '--url', db.url, '--dir', folder, '--name', name, ...more)

  it('writes a migration with migrate new that applies, keeps the renamed data, and leaves no drift', () => {
    const folder = baselined()
    const made = migrateNew(
      folder,
      'Rename full name',
      '--schema',
      join(dir, 'after.sql'),
      '--rename',
      'people.full_name=name',
    )
    expect([made.status, made.stderr]).toEqual([0, ''])
    const file = readdirSync(folder).find((f) => !f.startsWith('1_'))
    expect(file).toMatch(/^\d{14}_rename_full_name\.sql$/)
    expect(readFileSync(join(folder, file!), 'utf8')).toMatch(
      /-- safe +rename column people\.full_name to name/,
    )
    expect(sluice('migrate', 'up', '--url', db.url, '--dir', folder).status).toBe(0)
    const drift = sluice('migrate', 'drift', '--url', db.url, '--dir', folder)
    expect([drift.status, drift.stdout]).toEqual([0, 'No differences.\n'])
    const rows = sluice('query', '--url', db.url, '--format', 'csv', 'SELECT name FROM people')
    expect(rows.stdout).toMatch(/Ada Lovelace/)
  })

  it('shows drift after someone changes the database by hand', async () => {
    const folder = baselined()
    migrateNew(folder, 'x', '--schema', join(dir, 'after.sql'))
    // The migration drops a column that holds values; applying it is the point here, not the preview's gate.
    const up = sluice('migrate', 'up', '--accept-data-loss', '--url', db.url, '--dir', folder)
    expect(up.status).toBe(0)
    const connection = await connectUrl(db.url)
    try {
      await collectRows(connection, 'CREATE TABLE hand_made (id integer)')
    } finally {
      await connection.close()
    }
    const drift = sluice('migrate', 'drift', '--url', db.url, '--dir', folder)
    expect(drift.status).toBe(2)
    expect(drift.stdout).toMatch(/drop table hand_made/)
  })

  it('refuses a rename of a column that is not there, naming it', () => {
    const bad = sluice(
      'diff',
      '--from',
      db.url,
      '--to',
      join(dir, 'after.sql'),
      '--rename',
      'people.nope=name',
    )
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/no table or column "people\.nope"/)
  })
})

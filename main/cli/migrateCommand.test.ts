import { spawnSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MigrationFolder } from '../testing/migrationFolder'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'

/** Runs the CLI from source, as `sluice migrate …` would run the build. */
function sluice(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/sluice.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe.each(allDialects)('sluice migrate on %s', (dialect) => {
  let db: TestDatabase
  let folder: MigrationFolder
  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    folder = new MigrationFolder()
    folder.write(
      '20260101000000',
      'users',
      ['CREATE TABLE users (id integer)'],
      ['DROP TABLE users'],
    )
    folder.write('20260102000000', 'posts', ['CREATE TABLE posts (id integer)'])
  })
  afterEach(async () => {
    folder.dispose()
    await db.drop()
  })
  const migrate = (...args: string[]) =>
    sluice('migrate', ...args, '--url', db.url, '--dir', folder.dir)

  it('status gates CI: 3 while pending, 0 once applied, 4 when a file was edited', () => {
    const pending = migrate('status', '--json')
    expect(pending.status).toBe(3)
    const listed = JSON.parse(pending.stdout) as { migrations: Record<string, unknown>[] }
    expect(listed.migrations.map((m) => [m.version, m.name, m.status])).toEqual([
      ['20260101000000', 'users', 'pending'],
      ['20260102000000', 'posts', 'pending'],
    ])

    const up = migrate('up')
    expect(up.stderr).toBe('')
    expect(up.status).toBe(0)
    expect(up.stdout).toContain('Applying 20260102000000_posts (2/2)')
    expect(migrate('status').status).toBe(0)

    folder.write('20260102000000', 'posts', ['CREATE TABLE posts (id integer, title text)'])
    const drift = migrate('status')
    expect(drift.status).toBe(4)
    expect(drift.stdout).toMatch(/modified\s+20260102000000_posts/)
  })

  it('up --dry-run prints what would run and runs nothing', () => {
    const dry = migrate('up', '--dry-run', '--to', '20260101000000')
    expect(dry.status).toBe(0)
    expect(dry.stdout).toContain('CREATE TABLE users (id integer);')
    expect(dry.stdout).not.toContain('posts')
    expect(migrate('status').status).toBe(3)
  })

  it('down names the migration that cannot be rolled back', () => {
    expect(migrate('up').status).toBe(0)
    const down = migrate('down')
    expect(down.status).toBe(1)
    expect(down.stderr).toContain(
      'Cannot roll back 20260102000000_posts: 20260102000000_posts.sql has no "-- migrate:down" section',
    )
  })

  it('names the resolve flags when a failed migration blocks up and down', () => {
    folder.write('20260103000000', 'broken', ['CREATE TABLE ok_then (id integer)', 'SELEC 1'])
    expect(migrate('up', '--accept-data-loss').status).toBe(1)
    for (const blocked of [migrate('up', '--accept-data-loss'), migrate('down')]) {
      expect(blocked.status).toBe(1)
      expect(blocked.stderr).toContain('20260103000000_broken failed after')
      expect(blocked.stderr).toContain(
        'sluice migrate resolve 20260103000000 --retry | --applied | --rolled-back',
      )
    }
  })
})

describe('sluice migrate arguments', () => {
  it('refuses a resolve without exactly one choice, with usage', () => {
    const result = sluice(
      'migrate',
      'resolve',
      '--url',
      'sqlite://x.db',
      '--dir',
      '.',
      '--retry',
      '--applied',
    )
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(
      'resolve needs exactly one of --retry, --applied, --rolled-back',
    )
  })

  it('names an unreadable folder', () => {
    const result = sluice(
      'migrate',
      'status',
      '--url',
      'sqlite://x.db',
      '--dir',
      '/nonexistent/migrations',
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Cannot read the migrations folder /nonexistent/migrations')
  })
})

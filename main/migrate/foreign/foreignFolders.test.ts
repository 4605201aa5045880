import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DialectName } from '../../../shared/connectionUrl'
import { parseConnectionUrl } from '../../../shared/connectionUrl'
import { defaultConnectOptions, dialects } from '../../dialects/registry'
import type { MigrationSession } from '../../dialects/types'
import { allDialects, createTestDatabase, type TestDatabase } from '../../testing/testDatabases'
import { openMigrator } from '../openMigrator'

/** Column types each tool's DDL uses, per dialect. */
const type: Record<DialectName, { bool: string; time: string; text: string; id: string }> = {
  postgres: { bool: 'boolean', time: 'timestamptz', text: 'text', id: 'serial' },
  mysql: {
    bool: 'tinyint(1)',
    time: 'datetime(3)',
    text: 'varchar(255)',
    id: 'integer auto_increment',
  },
  sqlite: { bool: 'boolean', time: 'datetime', text: 'text', id: 'integer' },
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Flyway's line-by-line CRC32 equals one CRC32 over the lines joined without their endings. */
const flywayCrc = (text: string) =>
  String(
    crc32(
      Buffer.from(
        text
          .split('\n')
          .filter((l, i, a) => i < a.length - 1 || l !== '')
          .join(''),
      ),
    ) | 0,
  )

describe.each(allDialects)('foreign migration folders on %s', (dialect) => {
  let db: TestDatabase
  let dir: string
  let session: MigrationSession
  const t = type[dialect]

  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'sluice-foreign-'))
    session = await dialects[dialect].openMigrationSession(
      parseConnectionUrl(db.url),
      defaultConnectOptions,
    )
  })
  afterEach(async () => {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
    await db.drop()
  })

  function write(path: string, text: string): string {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
    return text
  }

  async function report() {
    const handle = await openMigrator(db.url, dir, 5000)
    try {
      const r = await handle.migrator.report()
      return { ...r, states: r.migrations.map((m) => [m.version, m.status]) }
    } finally {
      await handle.close()
    }
  }

  it('golang-migrate: everything below the recorded version applied, a dirty version failed', async () => {
    write('1_init.up.sql', 'CREATE TABLE a (id int);\n')
    write('1_init.down.sql', 'DROP TABLE a;\n')
    write('2_users.up.sql', 'CREATE TABLE users (id int);\n')
    write('3_posts.up.sql', 'CREATE TABLE posts (id int);\n')
    expect((await report()).states).toEqual([
      ['1', 'pending'],
      ['2', 'pending'],
      ['3', 'pending'],
    ])
    await session.query(
      `CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty ${t.bool} NOT NULL)`,
    )
    await session.query('INSERT INTO schema_migrations (version, dirty) VALUES (2, true)')
    const r = await report()
    expect(r.format).toBe('golang-migrate')
    expect(r.historyTable).toBe('schema_migrations')
    expect(r.states).toEqual([
      ['1', 'applied'],
      ['2', 'failed'],
      ['3', 'pending'],
    ])
  })

  it('Flyway: versioned, undo and repeatable files; checksums compared with Flyway’s own', async () => {
    const v1 = write('V1__init.sql', 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n')
    write('V1_1__add_users.sql', 'CREATE TABLE users (id int);\n')
    write('U1_1__add_users.sql', 'DROP TABLE users;\n')
    write('V2__posts.sql', 'CREATE TABLE posts (id int);\n')
    const views = write('R__views.sql', 'CREATE VIEW v AS SELECT 1 AS one;\n')
    await session.query(`CREATE TABLE flyway_schema_history (
      installed_rank integer NOT NULL PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
      type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL,
      installed_on ${t.time} NOT NULL DEFAULT CURRENT_TIMESTAMP, execution_time integer NOT NULL, success ${t.bool} NOT NULL)`)
    const rows: [number, string | null, string, string, string, number, boolean][] = [
      [1, '0.9', 'gone', 'SQL', 'V0_9__gone.sql', 1, true],
      [2, '1', 'init', 'SQL', 'V1__init.sql', Number(flywayCrc(v1)), true],
      [3, '1.1', 'add users', 'SQL', 'V1_1__add_users.sql', 12345, true],
      [4, '2', 'posts', 'SQL', 'V2__posts.sql', 7, false],
      [5, null, 'views', 'SQL', 'R__views.sql', Number(flywayCrc(views)), true],
    ]
    for (const [rank, version, description, kind, script, checksum, success] of rows)
      await session.query(
        `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
         VALUES (${rank}, ${version === null ? 'NULL' : `'${version}'`}, '${description}', '${kind}', '${script}', ${checksum}, 'ci', 5, ${success})`,
      )
    const r = await report()
    expect(r.format).toBe('flyway')
    expect(r.historyTable).toBe('flyway_schema_history')
    expect(r.states).toEqual([
      ['0.9', 'missing'],
      ['1', 'applied'],
      ['1.1', 'modified'],
      ['2', 'failed'],
      ['R__views', 'applied'],
    ])
    expect(r.migrations.find((m) => m.version === '1.1')!.file!.down).toBe('DROP TABLE users;\n')
  })

  it('Prisma: finished applied, unfinished failed, rolled back forgotten, checksum of the bytes', async () => {
    const init = write(
      '20240101000000_init/migration.sql',
      '-- CreateTable\nCREATE TABLE a (id int);\n',
    )
    write('20240102000000_users/migration.sql', 'CREATE TABLE users (id int);\n')
    write('20240103000000_posts/migration.sql', 'CREATE TABLE posts (id int);\n')
    write(
      'migration_lock.toml',
      `provider = "${dialect === 'mysql' ? 'mysql' : dialect === 'sqlite' ? 'sqlite' : 'postgresql'}"\n`,
    )
    await session.query(`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL,
      finished_at ${t.time}, migration_name varchar(255) NOT NULL, logs ${t.text}, rolled_back_at ${t.time},
      started_at ${t.time} NOT NULL DEFAULT CURRENT_TIMESTAMP, applied_steps_count integer NOT NULL DEFAULT 0)`)
    const insert = (
      id: string,
      checksum: string,
      name: string,
      finished: boolean,
      rolledBack: boolean,
      logs: string | null,
    ) =>
      session.query(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
        VALUES ('${id}', '${checksum}', ${finished ? "'2024-01-05 10:00:00'" : 'NULL'}, '${name}', ${logs === null ? 'NULL' : `'${logs}'`},
        ${rolledBack ? "'2024-01-05 11:00:00'" : 'NULL'}, '2024-01-05 09:00:0${id.length % 10}', ${finished ? 1 : 0})`)
    await insert('a1', sha256(init), '20240101000000_init', true, false, null)
    await insert(
      'b22',
      'f'.repeat(64),
      '20240102000000_users',
      false,
      false,
      'relation users already exists',
    )
    await insert(
      'c333',
      'e'.repeat(64),
      '20240103000000_posts',
      false,
      true,
      'failed, then rolled back',
    )
    const r = await report()
    expect(r.format).toBe('prisma')
    expect(r.states).toEqual([
      ['20240101000000', 'applied'],
      ['20240102000000', 'failed'],
      ['20240103000000', 'pending'],
    ])
    expect(r.migrations[1]!.history!.error).toBe('relation users already exists')
  })

  it('drizzle: the journal orders the files; a changed file is flagged, which drizzle never does', async () => {
    const first = write(
      '0000_init.sql',
      'CREATE TABLE a (id int);\n--> statement-breakpoint\nCREATE TABLE b (id int);\n',
    )
    write('0001_users.sql', 'CREATE TABLE users (id int);\n')
    write('0002_posts.sql', 'CREATE TABLE posts (id int);\n')
    const entries = ['0000_init', '0001_users', '0002_posts'].map((tag, idx) => ({
      idx,
      version: '7',
      when: 1_700_000_000_000 + idx * 1000,
      tag,
      breakpoints: true,
    }))
    write(
      'meta/_journal.json',
      JSON.stringify({
        version: '7',
        dialect: dialect === 'postgres' ? 'postgresql' : dialect,
        entries,
      }),
    )
    const table = dialect === 'postgres' ? 'drizzle.__drizzle_migrations' : '__drizzle_migrations'
    if (dialect === 'postgres') await session.query('CREATE SCHEMA drizzle')
    await session.query(
      `CREATE TABLE ${table} (id ${t.id} PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
    )
    await session.query(
      `INSERT INTO ${table} (hash, created_at) VALUES ('${sha256(first)}', 1700000000000)`,
    )
    await session.query(
      `INSERT INTO ${table} (hash, created_at) VALUES ('${'0'.repeat(64)}', 1700000001000)`,
    )
    const r = await report()
    expect(r.format).toBe('drizzle')
    expect(r.historyTable).toBe('__drizzle_migrations')
    expect(r.states).toEqual([
      ['0', 'applied'],
      ['1', 'modified'],
      ['2', 'pending'],
    ])
  })

  it('Django: django_migrations shown per app, read-only; a foreign folder is never applied', async () => {
    write('V1__init.sql', 'CREATE TABLE a (id int);\n')
    await session.query(
      `CREATE TABLE django_migrations (id ${t.id} PRIMARY KEY, app varchar(255) NOT NULL, name varchar(255) NOT NULL, applied ${t.time} NOT NULL)`,
    )
    for (const [app, name] of [
      ['auth', '0001_initial'],
      ['auth', '0002_alter_permission'],
      ['blog', '0001_initial'],
    ])
      await session.query(
        `INSERT INTO django_migrations (app, name, applied) VALUES ('${app}', '${name}', '2024-01-01 00:00:00')`,
      )
    const r = await report()
    expect(r.django!.map((a) => [a.app, a.migrations.map((m) => m.name)])).toEqual([
      ['auth', ['0001_initial', '0002_alter_permission']],
      ['blog', ['0001_initial']],
    ])
    const handle = await openMigrator(db.url, dir, 5000)
    try {
      await expect(handle.migrator.up(undefined)).rejects.toThrow(
        'This is a Flyway folder: Sluice reads its status but applies only native folders',
      )
    } finally {
      await handle.close()
    }
  })
})

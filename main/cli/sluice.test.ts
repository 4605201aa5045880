import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'

/** Runs the CLI from source, as `sluice …` would run the build. */
function sluice(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/sluice.ts', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const typedRow: Record<string, string> = {
  postgres:
    'SELECT 9007199254740993::bigint AS big, 1.50::numeric(10,2) AS num, NULL AS missing, \'\' AS empty, \'{"k":[1,"two"]}\'::jsonb AS doc',
  mysql:
    "SELECT CAST(9007199254740993 AS SIGNED) AS big, CAST(1.5 AS DECIMAL(10,2)) AS num, NULL AS missing, '' AS empty, JSON_EXTRACT('{\"k\":[1,\"two\"]}', '$') AS doc",
  sqlite:
    "SELECT 9007199254740993 AS big, '1.50' AS num, NULL AS missing, '' AS empty, json('{\"k\":[1,\"two\"]}') AS doc",
}

describe.each(allDialects)('sluice query on %s', (dialect) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase(dialect)
  })
  afterAll(() => db.drop())

  it('prints rows as JSON objects with exact values', () => {
    const { status, stdout, stderr } = sluice(
      'query',
      '--url',
      db.url,
      '--json',
      typedRow[dialect]!,
    )
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const rows = JSON.parse(stdout) as Record<string, unknown>[]
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      big: '9007199254740993',
      num: '1.50',
      missing: null,
      empty: '',
    })
    // SQLite and MariaDB hand JSON back as text unless the column says JSON; the value is still exact.
    const doc = rows[0]!.doc
    expect(typeof doc === 'string' ? JSON.parse(doc) : doc).toEqual({ k: [1, 'two'] })
  })

  it('prints a tab-separated table by default', () => {
    const { status, stdout } = sluice('query', '--url', db.url, "SELECT 1 AS a, 'x\ty' AS b")
    expect(status).toBe(0)
    expect(stdout).toBe('a\tb\n1\tx\\ty\n')
  })

  it('reports a syntax error in one line on stderr and exits non-zero', () => {
    const { status, stdout, stderr } = sluice('query', '--url', db.url, 'SELEKT 1')
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^sluice: .*(syntax|SELEKT)/)
  })
})

function scriptFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sluice-cli-')), 'script.sql')
  writeFileSync(file, text)
  return file
}

describe.each(allDialects)('sluice query --file on %s', (dialect) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase(dialect)
  })
  afterAll(() => db.drop())

  it('runs a script in order and prints each result set, one after another', () => {
    const file = scriptFile(
      [
        '-- a script, as CI would run it',
        'CREATE TABLE notes (id int PRIMARY KEY, body varchar(40));',
        "INSERT INTO notes VALUES (1, 'plain'), (2, 'has, comma'), (3, NULL);",
        'SELECT id, body FROM notes ORDER BY id;',
        'SELECT count(*) AS n FROM notes;',
      ].join('\n'),
    )
    const csv = sluice('query', '--url', db.url, '--file', file, '--format', 'csv')
    expect(csv.stderr).toBe('')
    expect(csv.stdout).toBe('id,body\n1,plain\n2,"has, comma"\n3,\nn\n3\n')
    const ndjson = sluice(
      'query',
      '--url',
      db.url,
      '--format',
      'ndjson',
      'SELECT id FROM notes ORDER BY id',
    )
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }])
  })

  it('stops at the first failing statement and names its line and column', () => {
    const file = scriptFile(
      [
        'CREATE TABLE steps (n int);',
        'INSERT INTO steps VALUES (1);',
        '  SELEKT 2;',
        'INSERT INTO steps VALUES (3);',
      ].join('\n'),
    )
    const { status, stderr } = sluice('query', '--url', db.url, '--file', file)
    expect(status).toBe(1)
    expect(stderr).toContain(`${file}:3:3: statement 3 of 4 failed:`)
    const after = sluice('query', '--url', db.url, '--format', 'csv', 'SELECT n FROM steps')
    expect(after.stdout).toBe('n\n1\n')
  })
})

describe('sluice query arguments', () => {
  it('refuses an unknown format and a missing file plainly', () => {
    const format = sluice('query', '--url', 'sqlite::memory:', '--format', 'xml', 'SELECT 1')
    expect(format.status).toBe(2)
    expect(format.stderr).toContain('--format must be one of text, csv, json, ndjson')
    const missing = sluice('query', '--url', 'sqlite::memory:', '--file', '/no/such/script.sql')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('Cannot read /no/such/script.sql')
  })
})

describe.each(allDialects)('sluice schema on %s', (dialect) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    for (const sql of [
      'CREATE TABLE parent (id int NOT NULL PRIMARY KEY)',
      'CREATE TABLE child (id int NOT NULL PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE CASCADE)',
    ])
      expect(sluice('query', '--url', db.url, sql).status).toBe(0)
  })
  afterAll(() => db.drop())

  it('prints the DDL that recreates the schema by default', () => {
    const { status, stdout, stderr } = sluice('schema', '--url', db.url)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toMatch(/CREATE TABLE ("public"\.)?[`"]child[`"]/)
    expect(stdout).toMatch(
      /FOREIGN KEY \([`"]parent_id[`"]\) REFERENCES ("public"\.)?[`"]parent[`"].*ON DELETE CASCADE/,
    )
  })

  it('prints the schema model with --json', () => {
    const { status, stdout } = sluice('schema', '--url', db.url, '--json')
    expect(status).toBe(0)
    const model = JSON.parse(stdout) as {
      dialect: string
      namespaces: { tables: { name: string }[] }[]
    }
    expect(model.dialect).toBe(dialect)
    expect(model.namespaces.flatMap((n) => n.tables.map((t) => t.name))).toEqual([
      'child',
      'parent',
    ])
  })
})

describe('sluice errors', () => {
  it('names an unreachable server in one line', () => {
    const { status, stderr } = sluice(
      'query',
      '--url',
      'postgres://postgres@127.0.0.1:1/postgres',
      'SELECT 1',
    )
    expect(status).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('Cannot reach PostgreSQL at 127.0.0.1:1')
  })

  it('shows the details under --verbose', () => {
    const { status, stderr } = sluice(
      'query',
      '--verbose',
      '--url',
      'sqlite::memory:',
      'SELECT * FROMM t',
    )
    expect(status).toBe(1)
    expect(stderr).toContain('"position"')
  })

  it('exits 2 with usage on a malformed command', () => {
    expect(sluice('query', 'SELECT 1').status).toBe(2)
    expect(sluice('frobnicate').stderr).toContain('Unknown command')
    expect(sluice('serve', '--port', 'abc').status).toBe(2)
  })
})

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import { openMigrator } from '../migrate/openMigrator'
import { demoSchema, withArticleColumn } from '../testing/demoSchema'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { diffSchemas } from './diffSchemas'
import { generateMigration } from './generateMigration'
import { newMigration } from './newMigration'
import { loadPair } from './sources/loadPair'

/** A nullable foreign key to auth_user, as each dialect writes it in a CREATE TABLE. */
const updatedBy: Record<DialectName, string> = {
  sqlite: 'updated_by integer NULL REFERENCES auth_user (id) ON DELETE SET NULL',
  postgres: 'updated_by integer NULL REFERENCES auth_user (id) ON DELETE SET NULL',
  mysql:
    'updated_by integer NULL,\n  CONSTRAINT blog_article_updated_by FOREIGN KEY (updated_by) REFERENCES auth_user (id) ON DELETE SET NULL',
}
const rows = [
  "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined) VALUES ('!', TRUE, 'ada', 'Ada', 'L', 'ada@example.com', TRUE, TRUE, '2024-01-01 00:00:00')",
  "INSERT INTO blog_article (title, slug, user_id) VALUES ('One', 'one', 1), ('Two', 'two', 1)",
]

describe.each(allDialects)('the makemigrations story on %s', (dialect) => {
  let db: TestDatabase
  let dir: string
  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'sluice-story-'))
    const connection = await connectUrl(db.url)
    try {
      const { splitStatements } = await import('../../shared/sql/splitStatements')
      for (const s of splitStatements(demoSchema(dialect), dialect))
        await collectRows(connection, s.text)
      for (const sql of rows) await collectRows(connection, sql)
    } finally {
      await connection.close()
    }
  })
  afterEach(async () => {
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  const schemaFile = (text: string) => {
    const path = join(dir, 'schema.sql')
    writeFileSync(path, text)
    return { kind: 'sqlFile' as const, path }
  }
  const apply = async (folder: string) => {
    const handle = await openMigrator(db.url, folder, 10_000)
    try {
      await handle.migrator.up(undefined)
    } finally {
      await handle.close()
    }
  }

  it('adds updated_by as a safe column and foreign key, and the database then matches the file', async () => {
    const schema = schemaFile(withArticleColumn(demoSchema(dialect), updatedBy[dialect]))
    const folder = join(dir, 'migrations')
    const made = await newMigration({
      url: db.url,
      dir: folder,
      name: 'add updated_by',
      schema,
      renames: [],
      defaults: [],
    })
    const kinds = made.migration.diff.changes.map((c) => c.kind)
    expect(kinds).toContain('addColumn')
    expect(kinds).toContain('addForeignKey')
    expect(made.migration.diff.changes.every((c) => c.safety === 'safe')).toBe(true)
    expect(readFileSync(made.path!, 'utf8')).toMatch(/-- migrate:down/)

    await apply(folder)
    const { from, to } = await loadPair({ kind: 'url', url: db.url }, schema)
    expect(diffSchemas(from, to).changes).toEqual([])
  })

  it('classifies shortening title to VARCHAR(80) as destructive', async () => {
    const schema = schemaFile(
      demoSchema(dialect).replace('title varchar(120)', 'title varchar(80)'),
    )
    const { from, to } = await loadPair({ kind: 'url', url: db.url }, schema)
    const changes = generateMigration(from, to).diff.changes
    expect(changes.map((c) => [c.kind, c.safety])).toEqual([['alterColumn', 'destructive']])
    expect(changes[0]!.reason).toMatch(/title/)
  })

  it('asks for a value for a new NOT NULL column, then fills existing rows with it', async () => {
    const schema = schemaFile(
      withArticleColumn(demoSchema(dialect), 'reviewer varchar(20) NOT NULL'),
    )
    const folder = join(dir, 'migrations')
    const request = { url: db.url, dir: folder, name: 'reviewer', schema, renames: [] }
    await expect(newMigration({ ...request, defaults: [] })).rejects.toThrow(
      /--default blog_article\.reviewer=VALUE/,
    )
    const made = await newMigration({ ...request, defaults: ["blog_article.reviewer='nobody'"] })
    expect(made.migration.diff.changes.map((c) => c.safety)).toEqual(['needsValue'])
    await apply(folder)
    const connection = await connectUrl(db.url)
    try {
      expect(
        await collectRows(connection, 'SELECT reviewer FROM blog_article ORDER BY id'),
      ).toEqual([['nobody'], ['nobody']])
    } finally {
      await connection.close()
    }
  })
})

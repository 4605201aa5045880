import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateMigration } from '../../diff/generateMigration'
import { renderMigration } from '../../diff/renderMigration'
import { openMigrator } from '../../migrate/openMigrator'
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases'
import { collectRows } from '../collectRows'
import { connectUrl } from '../registry'

const parentAndChildren = [
  'CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)',
  'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE)',
  'CREATE INDEX child_parent ON child (parent_id)',
  "INSERT INTO parent VALUES (1, 'a'), (2, 'b'), (3, NULL)",
  'INSERT INTO child VALUES (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3)',
]

describe('SQLite table rebuild', () => {
  let live: TestDatabase
  let dir: string
  beforeEach(async () => {
    live = await createTestDatabase('sqlite')
    dir = mkdtempSync(join(tmpdir(), 'sluice-rebuild-'))
  })
  afterEach(async () => {
    await live.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Builds the pair, writes the migration (optionally altered) and applies it. */
  async function migrate(target: string[], edit = (text: string) => text): Promise<void> {
    const connection = await connectUrl(live.url)
    const scratch = await connectUrl('sqlite::memory:')
    try {
      for (const sql of parentAndChildren) await collectRows(connection, sql)
      for (const sql of target) await collectRows(scratch, sql)
      const migration = generateMigration(
        await connection.introspect(),
        await scratch.introspect(),
        {
          backfills: [{ namespace: 'main', table: 'parent', column: 'name', value: "'unnamed'" }],
        },
      )
      writeFileSync(join(dir, '1_rebuild.sql'), edit(renderMigration(migration, 'rebuild')))
    } finally {
      await connection.close()
      await scratch.close()
    }
    const handle = await openMigrator(live.url, dir, 5_000)
    try {
      await handle.migrator.up(undefined)
    } finally {
      await handle.close()
    }
  }

  const query = async (sql: string) => {
    const connection = await connectUrl(live.url)
    try {
      return await collectRows(connection, sql)
    } finally {
      await connection.close()
    }
  }

  const stricterParent = [
    "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (name <> ''))",
    'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE)',
    'CREATE INDEX child_parent ON child (parent_id)',
  ]

  it('keeps every child row of a parent rebuilt under ON DELETE CASCADE', async () => {
    await migrate(stricterParent)
    expect(await query('SELECT count(*) FROM child')).toEqual([[6]])
    expect(await query('SELECT id, name FROM parent ORDER BY id')).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'unnamed'],
    ])
    expect(await query('PRAGMA foreign_keys')).toEqual([[1]])
  })

  it('would lose them with foreign keys left on, as a rebuild inside the transaction alone does', async () => {
    await migrate(stricterParent, (text) => text.replaceAll(' foreign_keys:off', ''))
    expect(await query('SELECT count(*) FROM child')).toEqual([[0]])
  })

  it('refuses to commit a change that leaves rows pointing at nothing, and keeps the data', async () => {
    const dropsParentOnly = [
      'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE)',
      'CREATE INDEX child_parent ON child (parent_id)',
    ]
    await expect(migrate(dropsParentOnly)).rejects.toThrow(/would break foreign keys.*child/)
    expect(await query('SELECT count(*) FROM parent')).toEqual([[3]])
    expect(await query('SELECT count(*) FROM child')).toEqual([[6]])
  })
})

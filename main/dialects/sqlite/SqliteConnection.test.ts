import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { collectRows } from '../collectRows'
import { SqliteConnection } from './SqliteConnection'

describe('SQLite connection process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-sqlite-close-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('closes the database cleanly, so a WAL is checkpointed and removed rather than left behind', async () => {
    const file = join(dir, 'wal.db')
    const connection = await SqliteConnection.open({ dialect: 'sqlite', file })
    expect(await collectRows(connection, 'PRAGMA journal_mode = WAL')).toEqual([['wal']])
    await collectRows(connection, 'CREATE TABLE t (id integer)')
    await collectRows(connection, 'INSERT INTO t VALUES (1), (2)')
    expect(existsSync(`${file}-wal`)).toBe(true)
    await connection.close()
    expect(existsSync(`${file}-wal`)).toBe(false)
    const again = await SqliteConnection.open({ dialect: 'sqlite', file })
    try {
      expect(await collectRows(again, 'SELECT count(*) FROM t')).toEqual([[2]])
    } finally {
      await again.close()
    }
  })
  it('answers catalog reads asked at once, each with its own reply, and runs a statement after them', async () => {
    const connection = await SqliteConnection.open({ dialect: 'sqlite', file: join(dir, 'c.db') })
    try {
      await collectRows(connection, 'CREATE TABLE t (id integer)')
      await collectRows(connection, 'CREATE TRIGGER stamp AFTER INSERT ON t BEGIN SELECT 1; END')
      const [objects, others, schema, definition, rows] = await Promise.all([
        connection.listObjects(),
        connection.listOthers(),
        connection.introspect({ schema: 'main', name: 't' }),
        connection.definitionOf({ schema: 'main', name: 'stamp', kind: 'trigger', identity: 't' }),
        collectRows(connection, 'SELECT count(*) FROM t'),
      ])
      expect(objects.objects.map((o) => o.name)).toEqual(['t'])
      expect(others.map((o) => o.name)).toEqual(['stamp'])
      expect(schema.namespaces[0]!.tables[0]!.name).toBe('t')
      expect(definition?.join('')).toContain('CREATE TRIGGER stamp')
      expect(rows).toEqual([[0]])
    } finally {
      await connection.close()
    }
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import mysql from 'mysql2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseSchema } from '../../../shared/schema/model'
import { withNamespaceName } from '../../schema/withNamespaceName'
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases'
import { generateDdl } from './generateDdl'
import { introspect } from './introspect'

const fixture = readFileSync(
  join(import.meta.dirname, '../../testing/fixtures/mysql-schema.sql'),
  'utf8',
)

async function withConnection<T>(
  url: string,
  work: (conn: mysql.Connection) => Promise<T>,
): Promise<T> {
  const conn = mysql.createConnection({ uri: url, multipleStatements: true })
  try {
    return await work(conn)
  } finally {
    conn.destroy()
  }
}

const run = (conn: mysql.Connection, sql: string) =>
  new Promise<void>((resolve, reject) =>
    conn.query(sql, (error) =>
      error ? reject(new Error(`${error.message}\nin: ${sql}`, { cause: error })) : resolve(),
    ),
  )

describe('MySQL/MariaDB introspection', () => {
  let source: TestDatabase
  let copy: TestDatabase
  let original: DatabaseSchema

  beforeAll(async () => {
    source = await createTestDatabase('mysql')
    copy = await createTestDatabase('mysql')
    original = await withConnection(source.url, async (conn) => {
      await run(conn, fixture)
      return introspect(conn)
    })
  })

  afterAll(async () => {
    await source.drop()
    await copy.drop()
  })

  const table = (name: string) => original.namespaces[0]!.tables.find((t) => t.name === name)!

  it('reads MariaDB JSON as json, not LONGTEXT with a check', () => {
    const meta = table('blog_article').columns.find((c) => c.name === 'meta')
    expect(meta).toMatchObject({ type: 'json', normalizedType: 'json', collation: null })
    expect(table('blog_article').checks.map((c) => c.name)).toEqual(['price_positive', 'title'])
  })

  it('reads keys, foreign keys with their actions, and indexes', () => {
    expect(table('order').primaryKey?.columns).toEqual(['region', 'number'])
    expect(table('order').foreignKeys[0]).toMatchObject({
      columns: ['parent_region', 'parent_number'],
      referencedTable: 'order',
      onDelete: 'cascade',
    })
    expect(table('blog_article').foreignKeys.map((f) => [f.name, f.onDelete, f.onUpdate])).toEqual([
      ['blog_article_editor', 'set null', 'cascade'],
      ['blog_article_user', 'restrict', 'restrict'],
    ])
    expect(table('auth_user').uniques).toEqual([
      { name: 'auth_user_username_key', columns: ['username'] },
    ])
    expect(
      table('blog_article').indexes.find((i) => i.name === 'blog_article_slug_title')?.parts,
    ).toEqual([
      { expression: 'slug', isColumn: true, descending: true, operatorClass: null },
      { expression: 'title(20)', isColumn: false, descending: false, operatorClass: null },
    ])
  })

  it('reads defaults, auto-increment, on-update, generated columns, comments, views and triggers', () => {
    const user = table('auth_user')
    expect(user.columns.find((c) => c.name === 'id')?.identity).toBe('autoincrement')
    expect(user.columns.find((c) => c.name === 'touched')?.onUpdate).toBe('current_timestamp()')
    expect(user.columns.find((c) => c.name === 'email')).toMatchObject({
      default: "''",
      collation: 'utf8mb4_bin',
    })
    expect(user.comment).toBe('People who can log in')
    expect(
      table('blog_article').columns.find((c) => c.name === 'word_count')?.generated?.stored,
    ).toBe(true)
    expect(original.namespaces[0]!.views.map((v) => v.name)).toEqual([
      'published',
      'published_titles',
    ])
    expect(original.namespaces[0]!.views[0]!.definition).not.toContain(original.namespaces[0]!.name)
    expect(table('blog_article').triggers[0]?.definition).toMatch(
      /BEFORE INSERT ON `blog_article` FOR EACH ROW/,
    )
  })

  it('round-trips: the DDL it generates rebuilds an equal schema', async () => {
    const rebuilt = await withConnection(copy.url, async (conn) => {
      for (const statement of generateDdl(original)) await run(conn, statement)
      return introspect(conn)
    })
    expect(withNamespaceName(rebuilt, original.namespaces[0]!.name)).toEqual(original)
  })
})

import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseSchema } from '../../../shared/schema/model'
import { generateDdl } from './generateDdl'
import { introspect } from './introspect'

const fixture = readFileSync(
  join(import.meta.dirname, '../../testing/fixtures/sqlite-schema.sql'),
  'utf8',
)

describe('SQLite introspection', () => {
  let original: DatabaseSchema

  beforeAll(() => {
    const db = new Database(':memory:')
    db.exec(fixture)
    original = introspect(db)
    db.close()
  })

  const table = (name: string) => original.namespaces[0]!.tables.find((t) => t.name === name)!

  it('reads keys, named and unnamed constraints, and foreign keys with their actions', () => {
    const article = table('blog_article')
    expect(article.primaryKey).toEqual({ name: '', columns: ['id'] })
    expect(article.uniques).toEqual([{ name: 'article_slug', columns: ['user_id', 'slug'] }])
    expect(
      article.foreignKeys.map((fk) => [
        fk.name,
        fk.columns,
        fk.referencedTable,
        fk.onDelete,
        fk.deferrable,
      ]),
    ).toEqual([
      ['', ['user_id'], 'auth_user', 'cascade', 'not deferrable'],
      ['article_editor', ['updated_by'], 'auth_user', 'set null', 'initially deferred'],
    ])
    expect(article.checks).toEqual([
      { name: '', expression: 'length(title) > 0' },
      { name: 'price_positive', expression: 'price >= 0 OR price = -1.5' },
    ])
    expect(table('pets').foreignKeys[0]?.referencedColumns).toEqual(['id'])
    expect(table('order')).toMatchObject({
      primaryKey: { name: 'order_pk', columns: ['region', 'number'] },
      options: ['WITHOUT ROWID'],
    })
    expect(table('order').foreignKeys[0]).toMatchObject({
      name: 'order_parent',
      referencedTable: 'order',
      referencedColumns: ['region', 'number'],
      onUpdate: 'cascade',
    })
  })

  it('reads partial, expression, collated and descending indexes', () => {
    const indexes = table('blog_article').indexes
    expect(indexes.find((i) => i.name === 'blog_article_slug_live')?.where).toBe(
      'publish_timestamp IS NOT NULL',
    )
    expect(indexes.find((i) => i.name === 'blog_article_lower_title')?.parts).toEqual([
      { expression: 'lower(title)', isColumn: false, descending: false, operatorClass: null },
      { expression: 'publish_timestamp', isColumn: true, descending: true, operatorClass: null },
    ])
    expect(indexes.find((i) => i.name === 'blog_article_title_nocase')).toMatchObject({
      unique: true,
      parts: [{ expression: 'title COLLATE NOCASE', isColumn: false }],
    })
  })

  it('reads autoincrement, generated, collated and defaulted columns, and affinity quirks', () => {
    const user = table('auth_user')
    expect(user.columns[0]).toMatchObject({ identity: 'autoincrement', nullable: false })
    expect(user.columns.find((c) => c.name === 'email')).toMatchObject({
      collation: 'NOCASE',
      default: "''",
    })
    expect(user.columns.find((c) => c.name === 'last_seen')?.default).toBe(
      "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    )
    const article = table('blog_article')
    expect(article.columns.find((c) => c.name === 'word_count')?.generated?.stored).toBe(false)
    expect(article.columns.find((c) => c.name === 'title_upper')?.generated).toEqual({
      expression: 'upper(title)',
      stored: true,
    })
    expect(table('we"ird t').columns.map((c) => [c.name, c.type, c.normalizedType])).toEqual([
      ['we"ird column', 'FLOATING POINT', 'integer'],
      [' spaced ', 'STRING', 'decimal'],
      ['bracketed', '', 'other'],
      ['back ticked', 'BLOB', 'binary'],
      ['amount', 'REAL', 'float'],
      ['big', 'BIGINT', 'bigint'],
    ])
    expect(table('strict_things').options).toEqual(['STRICT'])
    expect(table('pets').columns.find((c) => c.name === 'data')?.normalizedType).toBe('json')
  })

  it('reads views with their columns and triggers with their text', () => {
    const ns = original.namespaces[0]!
    expect(ns.views.map((v) => [v.name, v.columns])).toEqual([
      ['published', ['id', 'title', 'author']],
      ['published_titles', ['title']],
    ])
    expect(ns.views[1]?.definition).toBe('SELECT title FROM published')
    expect(table('blog_article').triggers[0]?.definition).toMatch(
      /^CREATE TRIGGER blog_article_slug AFTER INSERT ON blog_article/,
    )
  })

  it('reads one table alone for the lazy browser', () => {
    const db = new Database(':memory:')
    db.exec(fixture)
    const one = introspect(db, 'blog_article')
    db.close()
    expect(one.namespaces[0]!.tables).toEqual([table('blog_article')])
    expect(one.namespaces[0]!.views).toEqual([])
  })

  it('round-trips: the DDL it generates rebuilds an equal schema', () => {
    const db = new Database(':memory:')
    for (const statement of generateDdl(original)) {
      try {
        db.exec(statement)
      } catch (error) {
        throw new Error(`${(error as Error).message}\nin: ${statement}`, { cause: error })
      }
    }
    const rebuilt = introspect(db)
    db.close()
    expect(rebuilt).toEqual(original)
  })
})

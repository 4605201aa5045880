import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseSchema } from '../../../shared/schema/model'
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases'
import { generateDdl } from './generateDdl'
import { introspect } from './introspect'

const fixture = readFileSync(
  join(import.meta.dirname, '../../testing/fixtures/postgres-schema.sql'),
  'utf8',
)

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

describe('PostgreSQL introspection', () => {
  let source: TestDatabase
  let copy: TestDatabase
  let original: DatabaseSchema

  beforeAll(async () => {
    source = await createTestDatabase('postgres')
    copy = await createTestDatabase('postgres')
    original = await withClient(source.url, async (client) => {
      await client.query(fixture)
      return introspect(client)
    })
  })

  afterAll(async () => {
    await source.drop()
    await copy.drop()
  })

  const table = (ns: string, name: string) =>
    original.namespaces.find((n) => n.name === ns)?.tables.find((t) => t.name === name)

  it('reads keys, foreign keys with their actions, and checks', () => {
    const article = table('public', 'blog_article')!
    expect(article.primaryKey?.columns).toEqual(['id'])
    expect(
      article.foreignKeys.map((fk) => [fk.columns, fk.referencedTable, fk.onDelete, fk.deferrable]),
    ).toEqual([
      [['updated_by'], 'auth_user', 'set null', 'initially deferred'],
      [['user_id'], 'auth_user', 'set default', 'not deferrable'],
    ])
    expect(article.checks.map((c) => c.name)).toEqual([
      'blog_article_title_check',
      'price_positive',
    ])
    const order = table('sales', 'order')!
    expect(order.foreignKeys[0]).toMatchObject({
      columns: ['parent_region', 'parent_number'],
      referencedTable: 'order',
      onDelete: 'cascade',
      onUpdate: 'cascade',
    })
  })

  it('reads partial, expression, descending and gin indexes', () => {
    const article = table('public', 'blog_article')!
    expect(article.indexes.find((i) => i.name === 'blog_article_slug_live')?.where).toBe(
      'publish_timestamp IS NOT NULL',
    )
    expect(article.indexes.find((i) => i.name === 'blog_article_lower_title')?.parts).toEqual([
      { expression: 'lower(title::text)', isColumn: false, descending: false, operatorClass: null },
      { expression: 'publish_timestamp', isColumn: true, descending: true, operatorClass: null },
    ])
    expect(table('public', 'pets')!.indexes[0]).toMatchObject({
      method: 'gin',
      parts: [{ expression: 'data', operatorClass: 'jsonb_path_ops' }],
    })
    expect(
      article.indexes.find((i) => i.name === 'blog_article_slug_like')?.parts[0]?.operatorClass,
    ).toBe('varchar_pattern_ops')
  })

  it('reads identity, generated, collated and commented columns, enums, views, sequences and triggers', () => {
    const user = table('public', 'auth_user')!
    expect(user.columns.find((c) => c.name === 'id')).toMatchObject({
      identity: 'by default',
      normalizedType: 'integer',
    })
    expect(user.columns.find((c) => c.name === 'email')).toMatchObject({
      collation: 'C',
      comment: 'Lower-cased on save',
      default: "''::text",
    })
    expect(user.columns.find((c) => c.name === 'feeling')).toMatchObject({ normalizedType: 'enum' })
    expect(
      table('public', 'blog_article')!.columns.find((c) => c.name === 'word_count')?.generated
        ?.stored,
    ).toBe(true)
    const pub = original.namespaces.find((n) => n.name === 'public')!
    expect(pub.enums).toEqual([
      { name: 'mood', values: ['sad', 'ok', 'happy', "it's complicated"] },
    ])
    expect(pub.views.map((v) => v.name)).toEqual(['published', 'published_titles'])
    expect(pub.sequences.map((s) => [s.name, s.ownedBy])).toEqual([
      ['blog_article_id_seq', 'blog_article.id'],
      ['pets_id_seq', 'pets.id'],
    ])
    expect(table('public', 'blog_article')!.triggers[0]?.definition).toMatch(
      /^CREATE TRIGGER blog_article_slug BEFORE INSERT OR UPDATE OF title/,
    )
    expect(table('Odd "Schema"', '"quoted" table')!.columns.map((c) => c.name)).toEqual([
      'we"ird column',
      ' spaced ',
    ])
  })

  it('round-trips: the DDL it generates rebuilds an equal schema', async () => {
    const rebuilt = await withClient(copy.url, async (client) => {
      for (const statement of generateDdl(original)) {
        try {
          await client.query(statement)
        } catch (error) {
          throw new Error(`${(error as Error).message}\nin: ${statement}`, { cause: error })
        }
      }
      return introspect(client)
    })
    expect(rebuilt).toEqual(original)
  })
})

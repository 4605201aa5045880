import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DialectName } from '../../shared/connectionUrl'
import type { Column, DatabaseSchema, Table } from '../../shared/schema/model'
import { splitStatements } from '../../shared/sql/splitStatements'
import { quoteLiteral } from '../../shared/sql/quote'
import { ensureDemoDatabase } from '../demo/demoDatabase'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import { generateMigration } from '../diff/generateMigration'
import { saveMigration } from '../diff/newMigration'
import { renderMigration } from '../diff/renderMigration'
import { withoutHistory } from '../diff/sources/loadSchema'
import { demoSchema } from './demoSchema'
import { createTestDatabase, type TestDatabase } from './testDatabases'

const root = join(import.meta.dirname, '..', '..')

/** Titles longer than 80 characters, as the story's test inserts them. */
export const longTitles = Array.from(
  { length: 7 },
  (_, i) =>
    `A long title number ${i + 1}, written before anyone thought of a limit: ${'x'.repeat(40 + i)}`,
)

/**
 * The demo database with the story's seven long titles: SQLite's own bundled
 * demo, or on a server the demo schema with a few users and articles.
 */
export async function createStoryDatabase(dialect: DialectName): Promise<TestDatabase> {
  const db =
    dialect === 'sqlite'
      ? await sqliteDemo()
      : await createTestDatabase(dialect).then(async (created) => {
          await run(created.url, [
            ...splitStatements(demoSchema(dialect), dialect).map((s) => s.text),
            `INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined) VALUES ${[1, 2, 3].map((i) => `('!', ${i === 1 ? 'TRUE' : 'FALSE'}, 'user${i}', 'First', 'Last', 'user${i}@example.com', FALSE, TRUE, '2024-01-01 00:00:00')`).join(', ')}`,
            `INSERT INTO blog_article (title, slug, content, user_id) VALUES ${Array.from({ length: 40 }, (_, i) => `('Article number ${i + 1}', 'article-${i + 1}', NULL, ${(i % 3) + 1})`).join(', ')}`,
          ])
          return created
        })
  await run(db.url, [
    `INSERT INTO blog_article (title, slug, content, user_id) VALUES ${longTitles.map((t) => `(${quoteLiteral(dialect, t)}, NULL, NULL, 1)`).join(', ')}`,
  ])
  return db
}

async function sqliteDemo(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-story-'))
  const url = await ensureDemoDatabase(dir, join(root, 'resources'))
  const { rmSync } = await import('node:fs')
  return { url, schema: 'main', drop: async () => rmSync(dir, { recursive: true, force: true }) }
}

export async function run(url: string, statements: string[]): Promise<string[][]> {
  const connection = await connectUrl(url)
  try {
    let last: string[][] = []
    for (const sql of statements)
      last = (await collectRows(connection, sql)).map((r) => r.map(String))
    return last
  } finally {
    await connection.close()
  }
}

export async function introspectUrl(url: string): Promise<DatabaseSchema> {
  const connection = await connectUrl(url)
  try {
    return withoutHistory(await connection.introspect())
  } finally {
    await connection.close()
  }
}

/** Writes the migration Sluice generates for `change` on the database's model into `dir`, as Save does. */
export async function saveStoryMigration(
  url: string,
  dir: string,
  name: string,
  change: (article: Table, schema: DatabaseSchema) => void,
): Promise<string> {
  const before = await introspectUrl(url)
  const after = structuredClone(before)
  change(
    after.namespaces[0]!.tables.find((t) => t.name === 'blog_article')!,
    after,
  )
  return saveMigration(dir, name, renderMigration(generateMigration(before, after), name))
}

export function shortTitle(article: Table): void {
  const title = article.columns.find((c) => c.name === 'title')!
  title.type = title.type.replace('120', '80')
}

/** `updated_by` as the story adds it: an integer column referencing auth_user, nullable or with a default. */
export function updatedBy(notNullDefault: string | null) {
  return (article: Table, schema: DatabaseSchema) => {
    const userId = article.columns.find((c) => c.name === 'user_id')!
    const column: Column = {
      ...userId,
      name: 'updated_by_id',
      nullable: notNullDefault === null,
      default: notNullDefault,
      comment: null,
    }
    article.columns.push(column)
    article.foreignKeys.push({
      name: 'blog_article_updated_by_fk',
      columns: ['updated_by_id'],
      referencedNamespace: schema.namespaces[0]!.name,
      referencedTable: 'auth_user',
      referencedColumns: ['id'],
      // SET NULL needs a nullable column; MariaDB refuses the key otherwise.
      onDelete: notNullDefault === null ? 'set null' : 'no action',
      onUpdate: 'no action',
      deferrable: 'not deferrable',
    })
  }
}

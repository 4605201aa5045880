import { createHash } from 'node:crypto'
import { expect } from 'vitest'
import { parseConnectionUrl, type DialectName } from '../../shared/connectionUrl'
import type { DatabaseSchema, Table } from '../../shared/schema/model'
import { collectRows } from '../dialects/collectRows'
import { connectUrl, dialects } from '../dialects/registry'
import { generateMigration } from '../diff/generateMigration'
import { previewMigrations } from '../preview/previewMigrations'
import { random } from './randomSchemaPair'
import { createStoryDatabase, introspectUrl, shortTitle, updatedBy } from './storyDatabase'

type Mutation = (article: Table, schema: DatabaseSchema, pick: () => number) => void

const column = (t: Table, name: string) => t.columns.find((c) => c.name === name)
/** Changes a migration may make to the demo model; each keeps it valid whatever came before. */
const mutations: Mutation[] = [
  (a) => shortTitle(a),
  (a, _, pick) => {
    const title = column(a, 'title')!
    title.type = title.type.replace(/\(\d+\)/, `(${10 + Math.floor(pick() * 140)})`)
  },
  (a) => void (a.columns = a.columns.filter((c) => c.name !== 'content')),
  (a) => void (column(a, 'content') && (column(a, 'content')!.nullable = false)),
  (a) =>
    void (column(a, 'slug') && a.uniques.push({ name: 'article_slug_unique', columns: ['slug'] })),
  (a, s) => {
    if (!column(a, 'updated_by_id')) updatedBy(null)(a, s)
  },
  (a, s) => {
    if (!column(a, 'reviewer_id')) {
      updatedBy('9999')(a, s)
      const added = a.columns.at(-1)!
      added.name = 'reviewer_id'
      const fk = a.foreignKeys.at(-1)!
      fk.name = 'article_reviewer_fk'
      fk.columns = ['reviewer_id']
    }
  },
  (_, s) =>
    void (s.namespaces[0]!.tables = s.namespaces[0]!.tables.filter((t) => t.name !== 'pets')),
  (a, s, pick) =>
    void a.checks.push({
      name: `article_user_check_${Math.floor(pick() * 1000)}`,
      expression: s.dialect === 'postgres' ? '((user_id > 2))' : 'user_id > 2',
    }),
]

/** A fingerprint of every table's rows and of the schema, to show a preview changed nothing. */
export async function checksum(url: string): Promise<string> {
  const schema = await introspectUrl(url)
  const hash = createHash('sha256').update(JSON.stringify(schema))
  const connection = await connectUrl(url)
  const dialect = dialects[schema.dialect]
  try {
    for (const ns of schema.namespaces)
      for (const table of ns.tables) {
        const name = dialect.capabilities.schemas
          ? `${dialect.quoteIdentifier(ns.name)}.${dialect.quoteIdentifier(table.name)}`
          : dialect.quoteIdentifier(table.name)
        hash.update(
          JSON.stringify(await collectRows(connection, `SELECT * FROM ${name} ORDER BY 1`)),
        )
      }
  } finally {
    await connection.close()
  }
  return hash.digest('hex')
}

/**
 * Previews `count` random migrations (one to three changes each, from
 * `seed` on) of the story database and checks its schema and rows are
 * byte for byte what they were before. Returns the verdicts seen.
 */
export async function previewLeavesNoTrace(
  dialect: DialectName,
  count: number,
  seed: number,
): Promise<Record<string, number>> {
  const db = await createStoryDatabase(dialect)
  const verdicts: Record<string, number> = {}
  try {
    const before = await checksum(db.url)
    const schema = await introspectUrl(db.url)
    for (let i = 0; i < count; i++) {
      const pick = random(seed + i)
      const after = structuredClone(schema)
      const article = after.namespaces[0]!.tables.find((t) => t.name === 'blog_article')!
      const changes = 1 + Math.floor(pick() * 3)
      for (let k = 0; k < changes; k++)
        mutations[Math.floor(pick() * mutations.length)]!(article, after, pick)
      const up = generateMigration(schema, after).up
      const report = await previewMigrations(parseConnectionUrl(db.url), [
        {
          version: String(i + 1),
          name: `random ${seed + i}`,
          statements: up.statements,
          transaction: dialects[dialect].capabilities.transactionalDdl,
          foreignKeysOff: up.foreignKeysOff,
        },
      ])
      for (const m of report.migrations) verdicts[m.verdict] = (verdicts[m.verdict] ?? 0) + 1
      expect(await checksum(db.url), `after preview ${i + 1} (seed ${seed + i})`).toBe(before)
    }
  } finally {
    await db.drop()
  }
  return verdicts
}

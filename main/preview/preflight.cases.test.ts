import { afterEach, describe, expect, it } from 'vitest'
import { parseConnectionUrl, type DialectName } from '../../shared/connectionUrl'
import type { FindingKind, Verdict } from '../../shared/preview'
import type { DatabaseSchema, Table } from '../../shared/schema/model'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import { generateMigration } from '../diff/generateMigration'
import { withoutHistory } from '../diff/sources/loadSchema'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { seedPosts, seedStatements, seedTagCount, type SeedPost } from './preflightSeed'
import { previewMigrations } from './previewMigrations'

/**
 * Ground truth for every finding kind: a seeded table with offenders on known
 * strides, one migration per kind (written by Sluice's own planner unless
 * the case gives its statements), and the counts and example keys the
 * preview reports compared with what the test itself computes from the seed.
 */
interface Case {
  kind: FindingKind
  dialects: DialectName[]
  change?: (posts: Table, schema: DatabaseSchema, dialect: DialectName) => void
  statements?: string[]
  /** The offending post ids (or tag ids for a dropped table), by the test's own reading of the seed. */
  offenders: () => number[]
  verdict: Record<DialectName, Verdict>
}

const ids = (keep: (p: SeedPost) => boolean) => seedPosts.filter(keep).map((p) => p.id)
const fails: Record<DialectName, Verdict> = {
  sqlite: 'will_fail',
  postgres: 'will_fail',
  mysql: 'will_fail',
}
const loses: Record<DialectName, Verdict> = {
  sqlite: 'loses_data',
  postgres: 'loses_data',
  mysql: 'loses_data',
}
const column = (posts: Table, name: string) => posts.columns.find((c) => c.name === name)!

const cases: Case[] = [
  {
    kind: 'not_null',
    dialects: allDialects,
    change: (posts) => void (column(posts, 'note').nullable = false),
    offenders: () => ids((p) => p.note === null),
    verdict: fails,
  },
  {
    kind: 'unique',
    dialects: allDialects,
    change: (posts) => void posts.uniques.push({ name: 'posts_code_key', columns: ['code'] }),
    offenders: () => ids((p) => seedPosts.filter((q) => q.code === p.code).length > 1),
    verdict: fails,
  },
  {
    kind: 'foreign_key',
    dialects: allDialects,
    change: (posts, schema) =>
      void posts.foreignKeys.push({
        name: 'posts_author_fk',
        columns: ['author_id'],
        referencedNamespace: schema.namespaces[0]!.name,
        referencedTable: 'authors',
        referencedColumns: ['id'],
        onDelete: 'no action',
        onUpdate: 'no action',
        deferrable: 'not deferrable',
      }),
    offenders: () => ids((p) => p.authorId > 5),
    verdict: fails,
  },
  {
    kind: 'length',
    dialects: allDialects,
    change: (posts) => {
      const title = column(posts, 'title')
      title.type = title.type.replace('120', '80')
    },
    offenders: () => ids((p) => p.title.length > 80),
    // SQLite keeps a value longer than its declared length.
    verdict: { sqlite: 'warning', postgres: 'will_fail', mysql: 'will_fail' },
  },
  {
    kind: 'type',
    dialects: allDialects,
    change: (posts, _, dialect) => {
      const rating = column(posts, 'rating')
      rating.type = { sqlite: 'INTEGER', postgres: 'integer', mysql: 'int(11)' }[dialect]
      rating.normalizedType = 'integer'
    },
    offenders: () => ids((p) => !/^\d+$/.test(p.rating)),
    verdict: { sqlite: 'warning', postgres: 'will_fail', mysql: 'will_fail' },
  },
  {
    kind: 'check',
    dialects: allDialects,
    change: (posts, _, dialect) =>
      void posts.checks.push({
        name: 'posts_score_positive',
        expression: dialect === 'postgres' ? '((score >= 0))' : 'score >= 0',
      }),
    offenders: () => ids((p) => p.score < 0),
    verdict: fails,
  },
  {
    kind: 'drop_column',
    dialects: allDialects,
    change: (posts) => void (posts.columns = posts.columns.filter((c) => c.name !== 'extra')),
    offenders: () => ids((p) => p.extra !== null),
    verdict: loses,
  },
  {
    kind: 'drop_table',
    dialects: allDialects,
    change: (_, schema) =>
      void (schema.namespaces[0]!.tables = schema.namespaces[0]!.tables.filter(
        (t) => t.name !== 'tags',
      )),
    offenders: () => Array.from({ length: seedTagCount }, (_, i) => i + 1),
    verdict: loses,
  },
  {
    kind: 'enum',
    dialects: ['mysql'],
    change: (posts) => void (column(posts, 'mood').type = "enum('happy','ok')"),
    offenders: () => ids((p) => p.mood === 'sad'),
    verdict: fails,
  },
  {
    kind: 'enum',
    dialects: ['postgres'],
    // PostgreSQL cannot drop an enum value; the usual migration swaps the type.
    statements: [
      'ALTER TYPE mood RENAME TO mood_old',
      "CREATE TYPE mood AS ENUM ('happy', 'ok')",
      'ALTER TABLE posts ALTER COLUMN mood TYPE mood USING mood::text::mood',
      'DROP TYPE mood_old',
    ],
    offenders: () => ids((p) => p.mood === 'sad'),
    verdict: fails,
  },
]

describe.each(allDialects)('data preflight on %s', (dialect) => {
  let db: TestDatabase | undefined
  afterEach(async () => {
    await db?.drop()
    db = undefined
  })

  it.each(cases.filter((c) => c.dialects.includes(dialect)).map((c) => [c.kind, c] as const))(
    '%s: exact count, actual offenders, verdict',
    async (kind, testCase) => {
      db = await createTestDatabase(dialect)
      const connection = await connectUrl(db.url)
      let before: DatabaseSchema
      try {
        for (const sql of seedStatements(dialect)) await collectRows(connection, sql)
        before = withoutHistory(await connection.introspect())
      } finally {
        await connection.close()
      }
      let statements = testCase.statements
      let foreignKeysOff = false
      if (!statements) {
        const after = structuredClone(before)
        const posts = after.namespaces[0]!.tables.find((t) => t.name === 'posts')!
        testCase.change!(posts, after, dialect)
        const up = generateMigration(before, after).up
        statements = up.statements
        foreignKeysOff = up.foreignKeysOff
      }
      const report = await previewMigrations(parseConnectionUrl(db.url), [
        { version: '1', name: kind, statements, transaction: dialect !== 'mysql', foreignKeysOff },
      ])
      const [preview] = report.migrations
      const finding = preview!.findings.find((f) => f.kind === kind && f.count > 0)
      const expected = testCase.offenders()
      expect(finding, JSON.stringify(preview, null, 1)).toBeDefined()
      expect(finding!.count).toBe(expected.length)
      expect(finding!.estimate).toBe(false)
      expect(finding!.examples.rows.map((r) => Number(r[0]))).toEqual(expected.slice(0, 10))
      expect(preview!.verdict).toBe(testCase.verdict[dialect])
    },
  )
})

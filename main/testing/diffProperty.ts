import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import type { Backfill, Rename } from '../../shared/schema/SchemaChange'
import { quoteIdentifier } from '../../shared/sql/quote'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { comparableTarget } from '../diff/diffSchemas'
import { generateMigration } from '../diff/generateMigration'
import { renderMigration } from '../diff/renderMigration'
import { withoutHistory } from '../diff/sources/loadSchema'
import { openMigrator } from '../migrate/openMigrator'
import { randomSchemaPair, type Survivor } from './randomSchemaPair'
import { createTestDatabase } from './testDatabases'

/** Two schemas, rows for the first, and the user's answers: one case for the diff. */
export interface DiffCase {
  a: string[]
  b: string[]
  rows: string[]
  renames: Rename[]
  backfills: Backfill[]
  survivors: Survivor[]
  /** Names the case in a failure: the seed and edits, or the case's title. */
  title: string
}

/**
 * One case of the diff's property: a database holding schema A and rows,
 * the generated migration A→B applied through the migration engine, then
 * the database must introspect as B does, and every value of a column the
 * edits left alone must still be there. A failure names the seed and edits.
 */
export async function checkDiffProperty(dialect: DialectName, seed: number): Promise<void> {
  await checkDiffCase(dialect, (namespace) => {
    const pair = randomSchemaPair(dialect, seed, namespace)
    return { ...pair, title: `seed ${seed} on ${dialect}: ${pair.edits.join('; ')}` }
  })
}

/** Builds the case for the test database's namespace, applies its migration and checks the result. */
export async function checkDiffCase(
  dialect: DialectName,
  make: (namespace: string) => DiffCase,
): Promise<void> {
  const live = await createTestDatabase(dialect)
  const desired = await createTestDatabase(dialect)
  const dir = mkdtempSync(join(tmpdir(), 'sluice-diff-property-'))
  const source = await connectUrl(live.url)
  const target = await connectUrl(desired.url)
  const pair = make(live.schema)
  const context = () => pair.title
  try {
    await runAll(source, [...pair.a, ...pair.rows], context)
    await runAll(target, pair.b, context)
    const a = await source.introspect()
    const b = comparableTarget(a, await target.introspect())
    const before = await survivingValues(source, dialect, pair.survivors, 'was')
    const migration = generateMigration(a, b, { renames: pair.renames, backfills: pair.backfills })
    writeFileSync(join(dir, '1_change.sql'), renderMigration(migration, context()))
    const handle = await openMigrator(live.url, dir, 10_000)
    try {
      await handle.migrator.up(undefined)
    } catch (error) {
      throw new Error(
        `${context()}\n${(error as Error).message}\n${migration.up.statements.join(';\n')}`,
        {
          cause: error,
        },
      )
    } finally {
      await handle.close()
    }
    expect(withoutHistory(await source.introspect()), context()).toEqual(b)
    expect(await survivingValues(source, dialect, pair.survivors, 'table'), context()).toEqual(
      before,
    )
  } finally {
    await source.close()
    await target.close()
    await live.drop()
    await desired.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function runAll(connection: DialectConnection, statements: string[], context: () => string) {
  for (const sql of statements) {
    try {
      await collectRows(connection, sql)
    } catch (error) {
      throw new Error(`${context()}\n${(error as Error).message}\nin: ${sql}`, { cause: error })
    }
  }
}

/** The values of the columns that must survive, in one order, read under A's names or B's. */
async function survivingValues(
  connection: DialectConnection,
  dialect: DialectName,
  survivors: Survivor[],
  side: 'was' | 'table',
): Promise<unknown[]> {
  const id = (name: string) => quoteIdentifier(dialect, name)
  const out: unknown[] = []
  for (const s of survivors) {
    if (s.columns.length === 0) continue
    const columns = s.columns.map(([now, was]) => (side === 'table' ? now : was))
    const order = columns.map((_, i) => i + 1).join(', ')
    out.push(
      await collectRows(
        connection,
        `SELECT ${columns.map(id).join(', ')} FROM ${id(s[side])} ORDER BY ${order}`,
      ),
    )
  }
  return out
}

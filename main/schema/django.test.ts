import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConnectionUrl } from '../../shared/connectionUrl'
import type { DatabaseSchema } from '../../shared/schema/model'
import { connectUrl, dialects } from '../dialects/registry'
import { withNamespaceName } from './withNamespaceName'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'

const project = join(import.meta.dirname, '../testing/fixtures/django')
// Debian's python3 with python3-django (3.2), python3-psycopg2 and python3-mysqldb.
const python = process.env.SLUICE_PYTHON ?? '/usr/bin/python3'

const engines = {
  sqlite: 'django.db.backends.sqlite3',
  postgres: 'django.db.backends.postgresql',
  mysql: 'django.db.backends.mysql',
}

/** Lets Django's own `migrate` create its tables and the story's models in the database at `url`. */
function djangoMigrate(url: string): void {
  const target = parseConnectionUrl(url)
  const database =
    target.dialect === 'sqlite'
      ? { SLUICE_DJANGO_NAME: target.file }
      : {
          SLUICE_DJANGO_NAME: target.database,
          SLUICE_DJANGO_HOST: target.host,
          SLUICE_DJANGO_PORT: String(target.port),
          SLUICE_DJANGO_USER: target.user,
          SLUICE_DJANGO_PASSWORD: target.password,
        }
  const result = spawnSync(
    python,
    ['-m', 'django', 'migrate', '--settings=settings', '--no-input', '-v', '0'],
    {
      cwd: project,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        PYTHONPATH: project,
        SLUICE_DJANGO_ENGINE: engines[target.dialect],
        ...database,
      },
    },
  )
  if (result.status !== 0)
    throw new Error(`Django's migrate failed (${python}): ${result.error ?? result.stderr}`)
}

async function introspect(url: string): Promise<DatabaseSchema> {
  const connection = await connectUrl(url)
  try {
    return await connection.introspect()
  } finally {
    await connection.close()
  }
}

describe.each(allDialects)('the schema Django 3.2 makes on %s', (dialect) => {
  let made: TestDatabase
  let copy: TestDatabase
  let original: DatabaseSchema

  beforeAll(async () => {
    made = await createTestDatabase(dialect)
    copy = await createTestDatabase(dialect)
    djangoMigrate(made.url)
    original = await introspect(made.url)
  }, 180_000)

  afterAll(async () => {
    await made.drop()
    await copy.drop()
  })

  const table = (name: string) => original.namespaces[0]!.tables.find((t) => t.name === name)!

  it('reads the story models: blog_article with both foreign keys to auth_user, pets with JSON', () => {
    expect(table('auth_user').columns.map((c) => c.name)).toContain('username')
    expect(
      table('blog_article')
        .foreignKeys.map((fk) => [fk.columns[0], fk.referencedTable, fk.referencedColumns[0]])
        .sort(),
    ).toEqual([
      ['updated_by_id', 'auth_user', 'id'],
      ['user_id', 'auth_user', 'id'],
    ])
    expect(table('pets').columns.find((c) => c.name === 'data')?.normalizedType).toBe('json')
  })

  it('round-trips: the DDL Sluice generates rebuilds a schema equal to the one Django made', async () => {
    const connection = await connectUrl(copy.url)
    try {
      for (const statement of dialects[dialect].generateDdl(original)) {
        try {
          for await (const event of connection.stream(statement, { batchSize: 100 })) void event
        } catch (error) {
          throw new Error(`${(error as Error).message}\nin: ${statement}`, { cause: error })
        }
      }
    } finally {
      await connection.close()
    }
    const rebuilt = await introspect(copy.url)
    expect(withNamespaceName(rebuilt, original.namespaces[0]!.name)).toEqual(original)
  })
})

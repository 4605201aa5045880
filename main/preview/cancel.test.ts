import { afterEach, describe, expect, it } from 'vitest'
import { parseConnectionUrl } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { previewMigrations } from './previewMigrations'

const sleeps = { postgres: 'SELECT pg_sleep(120)', mysql: 'SELECT SLEEP(120)' } as const

/** Cancel reaches a statement already running on the schema copy or the shadow, not only the ones after it. */
describe.each(['postgres', 'mysql'] as const)('cancelling a preview on %s', (dialect) => {
  let db: TestDatabase | undefined
  afterEach(async () => {
    await db?.drop()
    db = undefined
  })

  it('stops a long statement and reports the preview cancelled', async () => {
    db = await createTestDatabase(dialect)
    const controller = new AbortController()
    const preview = previewMigrations(
      parseConnectionUrl(db.url),
      [
        {
          version: '1',
          name: 'slow',
          statements: ['CREATE TABLE t (id integer)', sleeps[dialect]],
          transaction: dialect === 'postgres',
          foreignKeysOff: false,
        },
      ],
      { signal: controller.signal },
    )
    setTimeout(() => controller.abort(), 1500)
    const error = await preview.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SluiceError)
    expect((error as SluiceError).code).toBe('CANCELLED')
  })
})

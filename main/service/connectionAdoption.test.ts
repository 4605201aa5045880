import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallResult } from '../../shared/contract'
import { recorder } from '../testing/serviceHarness'
import { testDataDir } from '../testing/testDataDir'
import { createTestDatabase, pgAdminUrl, type TestDatabase } from '../testing/testDatabases'
import { SluiceService } from './SluiceService'

const graceMs = 400
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function ok<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.result as T
}

/** Sessions the server has open on `database` for Sluice (its application_name). */
async function sluiceSessions(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: pgAdminUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'Sluice'",
      [database],
    )
    return rows[0]!.n
  } finally {
    await client.end()
  }
}

describe('a reloaded page adopts the connections of the page before it', () => {
  let db: TestDatabase
  let service: SluiceService

  beforeAll(async () => {
    db = await createTestDatabase('postgres')
    service = new SluiceService({
      version: 'test',
      startUrl: null,
      dataDir: testDataDir(),
      orphanGraceMs: graceMs,
    })
  })
  afterAll(async () => {
    await service.close()
    await db.drop()
  })

  it('keeps a page’s connection for the grace period, for the next page to adopt and use', async () => {
    const before = recorder()
    const { connectionId } = ok<{ connectionId: string }>(
      await service.dispatch('connection.open', { url: db.url }, before),
    )
    await service.release(before)
    await wait(graceMs / 4)
    const after = recorder()
    const adopted = ok<{ connectionId: string; serverVersion: string }>(
      await service.dispatch('connection.adopt', { connectionId }, after),
    )
    expect(adopted.connectionId).toBe(connectionId)
    expect(adopted.serverVersion).toMatch(/^PostgreSQL \d/)
    // Adopted, it outlives the grace period of the page that went away.
    await wait(graceMs * 2)
    ok(await service.dispatch('schema.objects', { connectionId }, after))
    expect(await sluiceSessions(new URL(db.url).pathname.slice(1))).toBe(1)
    ok(await service.dispatch('connection.close', { connectionId }, after))
  })

  it('closes a connection no page adopted in time, session and all', async () => {
    const page = recorder()
    const { connectionId } = ok<{ connectionId: string }>(
      await service.dispatch('connection.open', { url: db.url }, page),
    )
    const database = new URL(db.url).pathname.slice(1)
    expect(await sluiceSessions(database)).toBe(1)
    await service.release(page)
    await wait(graceMs * 3)
    const late = await service.dispatch('connection.adopt', { connectionId }, recorder())
    expect(late).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await sluiceSessions(database)).toBe(0)
  })

  it('leaves the connections of pages still open alone, even to a second window that asks for them', async () => {
    const staying = recorder()
    const leaving = recorder()
    const { connectionId } = ok<{ connectionId: string }>(
      await service.dispatch('connection.open', { url: db.url }, staying),
    )
    // A second window restoring the same workspace must open its own session, not take this one.
    expect(await service.dispatch('connection.adopt', { connectionId }, leaving)).toMatchObject({
      ok: false,
      error: { code: 'BUSY' },
    })
    await service.release(leaving)
    await wait(graceMs * 2)
    ok(await service.dispatch('schema.objects', { connectionId }, staying))
    ok(await service.dispatch('connection.close', { connectionId }, staying))
  })

  it('says NOT_FOUND for a connection it never had', async () => {
    const result = await service.dispatch('connection.adopt', { connectionId: 'nope' }, recorder())
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SluiceEvent } from '../../shared/contract'
import type { MigrationEntry } from '../../shared/migrationsContract'
import { MigrationFolder } from '../testing/migrationFolder'
import { openHarness, type Harness } from '../testing/serviceHarness'
import { allDialects } from '../testing/testDatabases'

describe.each(allDialects)('migrations through the service on %s', (dialect) => {
  let h: Harness
  let folder: MigrationFolder
  beforeEach(async () => {
    h = await openHarness(dialect)
    folder = new MigrationFolder()
    folder.write('1', 'one', ['CREATE TABLE one (id integer)', 'INSERT INTO one (id) VALUES (1)'])
    folder.write('2', 'two', [
      'CREATE TABLE two (id integer)',
      'INSERT INTO nowhere (id) VALUES (1)',
    ])
  })
  afterEach(async () => {
    folder.dispose()
    await h.close()
  })

  const status = async () =>
    (
      (await h.call('migrations.status', { connectionId: h.connectionId, dir: folder.dir })) as {
        migrations: MigrationEntry[]
      }
    ).migrations
  const finished = (runId: string) =>
    Promise.race([
      h.context.next('migrations.done', runId),
      h.context.next('migrations.error', runId),
    ])

  it('remembers the folder per connection, runs with per-statement progress, and reports a failure by migration', async () => {
    expect(await h.call('migrations.settings', { connectionId: h.connectionId })).toEqual({
      dir: null,
      production: false,
    })
    await h.call('migrations.remember', {
      connectionId: h.connectionId,
      dir: folder.dir,
      production: true,
    })
    expect(await h.call('migrations.settings', { connectionId: h.connectionId })).toEqual({
      dir: folder.dir,
      production: true,
    })

    expect((await status()).map((m) => m.status)).toEqual(['pending', 'pending'])
    await h.call('migrations.run', {
      connectionId: h.connectionId,
      runId: 'r1',
      dir: folder.dir,
      action: { kind: 'up', to: '1' },
    })
    expect(await finished('r1')).toMatchObject({ type: 'migrations.done', versions: ['1'] })
    const progress = h.context.events.filter(
      (e): e is Extract<SluiceEvent, { type: 'migrations.progress' }> =>
        e.type === 'migrations.progress' && e.runId === 'r1',
    )
    expect(progress.map((p) => [p.version, p.statement, p.statements])).toEqual([
      ['1', 0, 2],
      ['1', 1, 2],
    ])

    await h.call('migrations.run', {
      connectionId: h.connectionId,
      runId: 'r2',
      dir: folder.dir,
      action: { kind: 'up' },
    })
    const failure = await finished('r2')
    expect(failure).toMatchObject({ type: 'migrations.error', version: '2' })
    expect((failure as { error: { message: string; detail: string } }).error.detail).toBe(
      'INSERT INTO nowhere (id) VALUES (1)',
    )
    const [, two] = await status()
    expect(two).toMatchObject({
      status: 'failed',
      failedStatement: 'INSERT INTO nowhere (id) VALUES (1)',
    })

    await h.call('migrations.run', {
      connectionId: h.connectionId,
      runId: 'r3',
      dir: folder.dir,
      action: { kind: 'resolve', version: '2', choice: 'rolled-back' },
    })
    expect(await finished('r3')).toMatchObject({ type: 'migrations.done' })
    expect((await status()).map((m) => m.status)).toEqual(['applied', 'pending'])
  })
})

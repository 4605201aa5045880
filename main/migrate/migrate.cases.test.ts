import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConnectionUrl } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import { defaultConnectOptions, dialects } from '../dialects/registry'
import type { MigrationSession } from '../dialects/types'
import { MigrationFolder } from '../testing/migrationFolder'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { tableExists } from './history/tableExists'
import type { MigrationState } from './MigrationStatus'
import { openMigrator, type MigratorHandle } from './openMigrator'

/**
 * One table of cases, run on every dialect: each status, and each way out of
 * a failure. MySQL/MariaDB differ only where DDL commits as it runs, and the
 * expectations say so through `transactionalDdl`.
 */
describe.each(allDialects)('migrations on %s', (dialect) => {
  const transactional = dialects[dialect].capabilities.transactionalDdl
  let db: TestDatabase
  let folder: MigrationFolder
  let open: MigratorHandle[] = []
  let probe: MigrationSession

  beforeEach(async () => {
    db = await createTestDatabase(dialect)
    folder = new MigrationFolder()
    probe = await dialects[dialect].openMigrationSession(
      parseConnectionUrl(db.url),
      defaultConnectOptions,
    )
  })
  afterEach(async () => {
    for (const handle of open) await handle.close()
    open = []
    await probe.close()
    folder.dispose()
    await db.drop()
  })

  /** A migrator over the folder as it is now, like a fresh `sluice migrate` run. */
  async function migrator(lockTimeoutMs = 10_000) {
    const handle = await openMigrator(db.url, folder.dir, lockTimeoutMs)
    open.push(handle)
    return handle.migrator
  }

  async function states(): Promise<Record<string, MigrationState>> {
    const statuses = await (await migrator()).status()
    return Object.fromEntries(statuses.map((s) => [s.version, s.status]))
  }

  async function tables(...names: string[]): Promise<string[]> {
    const present: string[] = []
    for (const name of names) if (await tableExists(probe, name)) present.push(name)
    return present
  }

  async function failureOf(run: Promise<unknown>): Promise<SluiceError> {
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SluiceError)
    return error as SluiceError
  }

  /** A migration whose third of four statements fails until table `gate` exists. */
  function writeGated() {
    folder.write('3', 'gated', [
      'CREATE TABLE g1 (id integer)',
      'CREATE TABLE g2 (id integer)',
      'INSERT INTO gate (id) VALUES (1)',
      'CREATE TABLE g3 (id integer)',
    ])
  }

  beforeEach(() => {
    folder.write('1', 'first', ['CREATE TABLE t1 (id integer)'], ['DROP TABLE t1'])
    folder.write(
      '2',
      'second',
      ['CREATE TABLE t2 (id integer)', 'INSERT INTO t2 (id) VALUES (2)'],
      ['DROP TABLE t2'],
    )
  })

  it('pending, then applied, with the history row filled in', async () => {
    expect(await states()).toEqual({ 1: 'pending', 2: 'pending' })
    const applied = await (await migrator()).up(undefined)
    expect(applied.map((s) => s.version)).toEqual(['1', '2'])
    expect(await states()).toEqual({ 1: 'applied', 2: 'applied' })
    const row = (await (await migrator()).status())[1]!.history!
    expect(row).toMatchObject({
      name: 'second',
      statementsTotal: 2,
      statementsApplied: 2,
      status: 'applied',
      error: null,
    })
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(row.appliedBy).toContain('@')
    expect(await tables('t1', 't2')).toEqual(['t1', 't2'])
  })

  it('a second up has nothing to do', async () => {
    await (await migrator()).up(undefined)
    expect(await (await migrator()).up(undefined)).toEqual([])
  })

  it('--to stops at that version, and --dry-run changes nothing', async () => {
    const plan = await (await migrator()).planUp('1')
    expect(plan.map((s) => [s.version, s.statements])).toEqual([
      ['1', ['CREATE TABLE t1 (id integer)']],
    ])
    expect(await tables('t1')).toEqual([])
    await (await migrator()).up('1')
    expect(await states()).toEqual({ 1: 'applied', 2: 'pending' })
  })

  it('modified when a file changes after it ran; up refuses until the edit is accepted', async () => {
    await (await migrator()).up(undefined)
    folder.write('2', 'second', ['CREATE TABLE t2 (id integer, extra integer)'])
    expect(await states()).toEqual({ 1: 'applied', 2: 'modified' })
    folder.write('4', 'later', ['CREATE TABLE t4 (id integer)'])
    const refusal = await failureOf((await migrator()).up(undefined))
    expect(refusal.message).toContain('2_second.sql was edited after it was applied')
    await (await migrator()).resolve('2', 'applied')
    expect(await states()).toEqual({ 1: 'applied', 2: 'applied', 4: 'pending' })
  })

  it('missing when an applied file is gone', async () => {
    await (await migrator()).up(undefined)
    folder.remove('1_first.sql')
    expect(await states()).toEqual({ 1: 'missing', 2: 'applied' })
  })

  it('out of order when an older file arrives after newer ones ran, and up applies it', async () => {
    folder.remove('1_first.sql')
    await (await migrator()).up(undefined)
    folder.write('1', 'first', ['CREATE TABLE t1 (id integer)'])
    expect(await states()).toEqual({ 1: 'out_of_order', 2: 'applied' })
    await (await migrator()).up(undefined)
    expect(await states()).toEqual({ 1: 'applied', 2: 'applied' })
  })

  it('failed: the row names the statement and what stayed applied', async () => {
    writeGated()
    const error = await failureOf((await migrator()).up(undefined))
    expect(error.message).toContain('3_gated failed at statement 3 of 4')
    expect(error.data.detail).toBe('INSERT INTO gate (id) VALUES (1)')
    const failed = (await (await migrator()).status()).find((s) => s.version === '3')!
    expect(failed.status).toBe('failed')
    expect(failed.history).toMatchObject({
      statementsTotal: 4,
      statementsApplied: transactional ? 0 : 2,
      failedStatement: 'INSERT INTO gate (id) VALUES (1)',
    })
    expect(failed.history!.error).toMatch(/gate/)
    // The history and the schema agree: nothing partial where DDL is transactional.
    expect(await tables('g1', 'g2', 'g3')).toEqual(transactional ? [] : ['g1', 'g2'])
    const refusal = await failureOf((await migrator()).up(undefined))
    expect(refusal.message).toContain('retry it from the failed statement')
    expect(refusal.message).not.toContain('--retry')
  })

  it('resolve --retry runs what is left once the cause is fixed', async () => {
    writeGated()
    await failureOf((await migrator()).up(undefined))
    await probe.query('CREATE TABLE gate (id integer)')
    // On MySQL/MariaDB g1 and g2 exist, so running them again would fail: retry resumes at statement 3.
    await (await migrator()).resolve(undefined, 'retry')
    expect(await states()).toEqual({ 1: 'applied', 2: 'applied', 3: 'applied' })
    expect(await tables('g1', 'g2', 'g3')).toEqual(['g1', 'g2', 'g3'])
    const [row] = await probe.query('SELECT count(*) FROM gate')
    expect(Number(row![0])).toBe(1)
  })

  it('resolve --applied marks a failed migration applied', async () => {
    writeGated()
    await failureOf((await migrator()).up(undefined))
    await (await migrator()).resolve('3', 'applied')
    const row = (await (await migrator()).status()).find((s) => s.version === '3')!
    expect(row.status).toBe('applied')
    expect(row.history).toMatchObject({ statementsApplied: 4, error: null, failedStatement: null })
  })

  it('resolve --rolled-back forgets it, so it is pending again', async () => {
    writeGated()
    await failureOf((await migrator()).up(undefined))
    await (await migrator()).resolve('3', 'rolled-back')
    expect(await states()).toEqual({ 1: 'applied', 2: 'applied', 3: 'pending' })
  })

  it('resolve refuses when nothing is failed', async () => {
    const error = await failureOf((await migrator()).resolve(undefined, 'retry'))
    expect(error.message).toBe('No migration is failed, so there is nothing to resolve')
  })

  it('down rolls back the newest, and refuses a migration without a down section by name', async () => {
    folder.write('3', 'third', ['CREATE TABLE t3 (id integer)'])
    await (await migrator()).up(undefined)
    const refusal = await failureOf((await migrator()).down(2))
    expect(refusal.message).toBe(
      'Cannot roll back 3_third: 3_third.sql has no "-- migrate:down" section',
    )
    expect(await tables('t3')).toEqual(['t3'])
    folder.remove('3_third.sql')
    folder.write('3', 'third', ['CREATE TABLE t3 (id integer)'], ['DROP TABLE t3'])
    await (await migrator()).resolve('3', 'applied')
    const rolledBack = await (await migrator()).down(2)
    expect(rolledBack.map((s) => s.version)).toEqual(['3', '2'])
    expect(await states()).toEqual({ 1: 'applied', 2: 'pending', 3: 'pending' })
    expect(await tables('t1', 't2', 't3')).toEqual(['t1'])
  })

  it('baseline marks migrations applied without running them', async () => {
    const marked = await (await migrator()).baseline('1')
    expect(marked.map((f) => f.version)).toEqual(['1'])
    expect(await states()).toEqual({ 1: 'applied', 2: 'pending' })
    expect(await tables('t1')).toEqual([])
    const refusal = await failureOf((await migrator()).baseline('0'))
    expect(refusal.message).toBe('No migration in the folder has version 0 or older')
  })

  it('waits for another applier, then gives up with a clear error', async () => {
    const holder = await dialects[dialect].openMigrationSession(
      parseConnectionUrl(db.url),
      defaultConnectOptions,
    )
    try {
      await (await migrator()).status() // the history table is not needed to hold the lock
      if (dialect === 'sqlite') await holder.query('BEGIN IMMEDIATE')
      else await holder.lock(1000)
      const error = await failureOf((await migrator(300)).up(undefined))
      expect(error.code).toBe('BUSY')
      expect(await tables('t1')).toEqual([])
    } finally {
      await holder.close()
    }
    await (await migrator()).up(undefined)
    expect(await states()).toEqual({ 1: 'applied', 2: 'applied' })
  })
})

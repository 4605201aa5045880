import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SchemaChange } from '../../shared/schema/SchemaChange'
import { openHarness, type Harness } from '../testing/serviceHarness'
import { allDialects } from '../testing/testDatabases'

describe.each(allDialects)('the compare view through the service on %s', (dialect) => {
  let h: Harness
  let dir: string
  beforeEach(async () => {
    h = await openHarness(dialect)
    dir = mkdtempSync(join(tmpdir(), 'sluice-compare-'))
    await h.run('setup', 'CREATE TABLE people (id integer PRIMARY KEY, full_name varchar(100))')
    writeFileSync(
      join(dir, 'schema.sql'),
      'CREATE TABLE people (id integer PRIMARY KEY, name varchar(100), born integer NOT NULL);',
    )
  })
  afterEach(async () => {
    await h.close()
    rmSync(dir, { recursive: true, force: true })
  })

  type Plan = { changes: SchemaChange[]; renameCandidates: unknown[]; migration: string }
  const plan = (input: object) =>
    h.call('compare.plan', { compareId: 'c1', ...input }) as Promise<Plan>

  it('loads once, plans again for each answer, and saves only once every value is given', async () => {
    const loaded = (await h.call('compare.load', {
      compareId: 'c1',
      from: { kind: 'connection', connectionId: h.connectionId },
      to: { kind: 'sqlFile', path: join(dir, 'schema.sql') },
    })) as { dialect: string; fromDdl: string; toDdl: string }
    expect(loaded.dialect).toBe(dialect)
    expect(loaded.toDdl).toMatch(/born/)

    const first = await plan({ renames: [], backfills: [] })
    expect(first.changes.map((c) => [c.kind, c.safety])).toEqual([
      ['addColumn', 'safe'],
      ['addColumn', 'needsValue'],
      ['dropColumn', 'destructive'],
    ])
    const [candidate] = first.renameCandidates
    const namespace = first.changes[0]!.namespace
    const folder = join(dir, 'migrations')
    const save = (input: object) =>
      h.call('compare.save', { compareId: 'c1', dir: folder, name: 'people', ...input })
    await expect(save({ renames: [candidate], backfills: [] })).rejects.toThrow(
      /--default people\.born=VALUE/,
    )

    const backfills = [{ namespace, table: 'people', column: 'born', value: '1900' }]
    const answered = await plan({ renames: [candidate], backfills })
    expect(answered.changes.map((c) => c.kind)).toEqual(['renameColumn', 'addColumn'])
    const { path } = (await save({ renames: [candidate], backfills })) as { path: string }
    expect(readdirSync(folder)).toHaveLength(1)
    expect(readFileSync(path, 'utf8')).toMatch(/migrate:up[\s\S]*1900[\s\S]*migrate:down/)
  })

  it('names the problem when a source cannot be read, and forgets closed comparisons', async () => {
    await expect(
      h.call('compare.load', {
        compareId: 'c1',
        from: { kind: 'connection', connectionId: h.connectionId },
        to: { kind: 'sqlFile', path: join(dir, 'missing.sql') },
      }),
    ).rejects.toThrow(/Cannot read .*missing\.sql/)
    writeFileSync(join(dir, 'bad.sql'), 'CREATE TABLE ok (id integer);\nCREATE TABLEX nope;')
    await expect(
      h.call('compare.load', {
        compareId: 'c1',
        from: { kind: 'connection', connectionId: h.connectionId },
        to: { kind: 'sqlFile', path: join(dir, 'bad.sql') },
      }),
    ).rejects.toThrow(/bad\.sql, line 2/)
    await expect(plan({ renames: [], backfills: [] })).rejects.toThrow(/no longer loaded/)
  })

  it('saves only from this connection, and never over migrations still pending', async () => {
    const schema = { kind: 'sqlFile', path: join(dir, 'schema.sql') }
    const connection = { kind: 'connection', connectionId: h.connectionId }
    const choices = { renames: [], backfills: [] }
    const folder = join(dir, 'migrations')
    await h.call('compare.load', { compareId: 'c1', from: schema, to: connection })
    await expect(
      h.call('compare.save', { compareId: 'c1', dir: folder, name: 'back', ...choices }),
    ).rejects.toThrow(/needs "From" to be this connection/)

    mkdirSync(folder)
    writeFileSync(
      join(folder, '1_pending.sql'),
      '-- migrate:up\nCREATE TABLE later (id integer);\n',
    )
    await h.call('compare.load', { compareId: 'c2', from: connection, to: schema })
    await expect(
      h.call('compare.save', { compareId: 'c2', dir: folder, name: 'people', ...choices }),
    ).rejects.toThrow(/Apply or resolve the folder's migrations first \(1_pending: pending\)/)
    expect(readdirSync(folder)).toEqual(['1_pending.sql'])
  })

  it('stops a load when the comparison is closed, its running statement included', async () => {
    const slow =
      'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000000) SELECT count(*) FROM s;\n'
    writeFileSync(join(dir, 'slow.sql'), `${slow}CREATE TABLE never (id integer);\n`)
    const loading = h.call('compare.load', {
      compareId: 'c1',
      from: { kind: 'connection', connectionId: h.connectionId },
      to: { kind: 'sqlFile', path: join(dir, 'slow.sql') },
    })
    await h.call('compare.close', { compareId: 'c1' })
    await expect(loading).rejects.toThrow(/Loading the schema was cancelled/)
  })
})

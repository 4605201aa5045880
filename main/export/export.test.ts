import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { allDialects } from '../testing/testDatabases'
import { openHarness, type Harness } from '../testing/serviceHarness'

const rows = 20_000

const fill: Record<DialectName, string> = {
  postgres: `INSERT INTO people SELECT g, 'name ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'line "' || g || E'",\\nnext' END FROM generate_series(1, ${rows}) g`,
  mysql: `INSERT INTO people SELECT seq, CONCAT('name ', seq), IF(seq % 3 = 0, NULL, CONCAT('line "', seq, '",\\nnext')) FROM seq_1_to_${rows}`,
  sqlite: `INSERT INTO people WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${rows}) SELECT g, 'name ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'line "' || g || '",' || char(10) || 'next' END FROM s`,
}

describe.each(allDialects)('%s export', (dialect) => {
  let h: Harness
  const folder = mkdtempSync(join(tmpdir(), 'sluice-export-test-'))
  let exports = 0

  /** Starts an export and waits for its last event. */
  const exportTo = async (input: Record<string, unknown>) => {
    const exportId = `e${++exports}`
    await h.call('export.start', { exportId, overwrite: false, ...input })
    return Promise.race([
      h.context.next('export.done', exportId),
      h.context.next('export.error', exportId),
    ])
  }

  beforeAll(async () => {
    h = await openHarness(dialect)
    await h.run('create', 'CREATE TABLE people (id int PRIMARY KEY, name varchar(40), note text)')
    expect(await h.run('fill', fill[dialect])).toMatchObject({ type: 'query.done' })
  })
  afterAll(() => h.close())

  it('writes a result to CSV: a header, one record per row, quotes where needed', async () => {
    await h.run('all', 'SELECT id, name, note FROM people ORDER BY id')
    const path = join(folder, 'people.csv')
    const done = await exportTo({ source: { kind: 'result', queryId: 'all' }, format: 'csv', path })
    expect(done).toMatchObject({ type: 'export.done', rows })
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith('id,name,note\n1,name 1,"line ""1"",\nnext"\n2,')).toBe(true)
    expect(text).toContain('\n3,name 3,\n')
    // Each row is one record: two physical lines where the note holds a line break.
    const withNote = rows - Math.floor(rows / 3)
    expect(text.trimEnd().split('\n')).toHaveLength(1 + rows + withNote)
  })

  it('writes a table to NDJSON and JSON with the same rows', async () => {
    const source = {
      kind: 'table',
      connectionId: h.connectionId,
      object: { schema: h.db.schema, name: 'people' },
    }
    const ndjsonPath = join(folder, 'people.ndjson')
    expect(await exportTo({ source, format: 'ndjson', path: ndjsonPath })).toMatchObject({ rows })
    const lines = readFileSync(ndjsonPath, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(rows)
    const jsonPath = join(folder, 'people.json')
    expect(await exportTo({ source, format: 'json', path: jsonPath })).toMatchObject({ rows })
    const parsed = JSON.parse(readFileSync(jsonPath, 'utf8')) as unknown[]
    expect(parsed).toEqual(lines.map((line) => JSON.parse(line) as unknown))
  })

  it('writes INSERT statements that load back into the same rows', async () => {
    const path = join(folder, 'people.sql')
    const source = {
      kind: 'table',
      connectionId: h.connectionId,
      object: { schema: h.db.schema, name: 'people' },
    }
    expect(await exportTo({ source, format: 'sql', path })).toMatchObject({ rows })
    await h.run('clear', 'DELETE FROM people')
    const script = readFileSync(path, 'utf8').trimEnd().split(';\n')
    for (const [n, statement] of script.slice(0, 300).entries())
      expect(await h.run(`load-${n}`, statement.replace(/;$/, ''))).toMatchObject({
        type: 'query.done',
      })
    await h.run('back', 'SELECT id, name, note FROM people ORDER BY id')
    const back = { rows: await h.rows('back', 0, 3) }
    expect(back.rows.map((r) => [Number(r[0]), r[1], r[2]])).toEqual([
      [1, 'name 1', 'line "1",\nnext'],
      [2, 'name 2', 'line "2",\nnext'],
      [3, 'name 3', null],
    ])
  })

  it('refuses to replace a file unless told to, and cleans up a cancelled export', async () => {
    const path = join(folder, 'kept.csv')
    writeFileSync(path, 'mine')
    await h.run('again', 'SELECT id FROM people')
    const refused = await exportTo({
      source: { kind: 'result', queryId: 'again' },
      format: 'csv',
      path,
    })
    expect(refused).toMatchObject({
      type: 'export.error',
      error: { message: expect.stringContaining('already exists') },
    })
    expect(readFileSync(path, 'utf8')).toBe('mine')

    const big = join(folder, 'big.ndjson')
    const series =
      dialect === 'postgres'
        ? 'SELECT g FROM generate_series(1, 5000000) g'
        : dialect === 'mysql'
          ? 'SELECT seq FROM seq_1_to_5000000'
          : 'WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < 5000000) SELECT g FROM s'
    await h.run('create-view', `CREATE VIEW big AS ${series}`)
    const exportId = 'cancelled'
    await h.call('export.start', {
      exportId,
      source: {
        kind: 'table',
        connectionId: h.connectionId,
        object: { schema: h.db.schema, name: 'big' },
      },
      format: 'ndjson',
      path: big,
      overwrite: false,
    })
    await h.context.next('export.progress', exportId)
    expect(await h.call('export.cancel', { exportId })).toEqual({ cancelled: true })
    expect(await h.context.next('export.error', exportId)).toMatchObject({
      error: { code: 'CANCELLED' },
    })
    expect(existsSync(big)).toBe(false)
    expect(await h.run('after', 'SELECT 1 AS one')).toMatchObject({ type: 'query.done' })
  })
})

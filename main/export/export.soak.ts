import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { allDialects } from '../testing/testDatabases'
import { openHarness, type Harness } from '../testing/serviceHarness'
import { processTreeRss } from '../testing/processTreeRss'

const rows = 10_000_000

const tenMillion: Record<DialectName, string> = {
  postgres: `CREATE VIEW ten_million AS SELECT g AS n, md5(g::text) AS hash FROM generate_series(1, ${rows}) g`,
  mysql: `CREATE VIEW ten_million AS SELECT seq AS n, MD5(seq) AS hash FROM seq_1_to_${rows}`,
  sqlite: `CREATE VIEW ten_million AS WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${rows}) SELECT n, hex(n) AS hash FROM s`,
}

describe.each(allDialects)('%s export soak', (dialect) => {
  let h: Harness
  const folder = mkdtempSync(join(tmpdir(), 'sluice-export-soak-'))
  beforeAll(async () => {
    h = await openHarness(dialect)
    await h.run('view', tenMillion[dialect])
    // Running that statement opened the history store (an SQLite child process) in the background.
    // Waiting for it here keeps its start out of the export's growth.
    await h.call('history.search', { text: '', limit: 1 })
  })
  afterAll(async () => {
    await h.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it(`exports ${rows.toLocaleString('en-US')} rows to CSV with memory independent of their number`, async () => {
    const path = join(folder, 'ten_million.csv')
    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, processTreeRss())), 50)
    const before = processTreeRss()
    await h.call('export.start', {
      exportId: 'big',
      source: {
        kind: 'table',
        connectionId: h.connectionId,
        object: { schema: h.db.schema, name: 'ten_million' },
      },
      format: 'csv',
      path,
      overwrite: false,
    })
    const done = await Promise.race([
      h.context.next('export.done', 'big'),
      h.context.next('export.error', 'big'),
    ])
    clearInterval(sampler)
    expect(done).toMatchObject({ type: 'export.done', rows })
    expect(statSync(path).size).toBeGreaterThan(rows * 10)
    const growthMb = (peak - before) / 2 ** 20
    console.info(`${dialect}: exported ${rows} rows, RSS grew ${growthMb.toFixed(0)} MB`)
    expect(growthMb).toBeLessThan(100)
  }, 900_000)
})

/**
 * Streams N rows × 10 columns from each dialect, raw and through Sluice, in
 * one run (N defaults to 1,000,000 and 10,000,000):
 *
 * - raw: the driver alone (better-sqlite3 iterate(), pg + pg-cursor, mysql2 row events);
 * - sluice: engine (its own process, spilling to disk) → WebSocket transport →
 *   the grid's data layer (the renderer's ResultSet, here in Node), which
 *   reads every row in order, page by page, as it becomes available.
 *
 * Prints rows/s for each and their ratio (for SQLite also against the raw
 * driver in a worker thread, the cheapest way off the main thread), the time
 * until the data layer holds the first 1,000 rows, and the peak RSS of the
 * engine process (with its SQLite children) and of the data layer's process.
 *
 *   node --import tsx bench/results.ts [rows ...]
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import mysql from 'mysql2'
import pg from 'pg'
import Cursor from 'pg-cursor'
import type { DialectName } from '../shared/connectionUrl'
import { connectUrl } from '../main/dialects/registry'
import { nodeWebClient } from './nodeWebClient'
import { processTreeRss } from '../main/testing/processTreeRss'
import { createTestDatabase, type TestDatabase } from '../main/testing/testDatabases'
import { pageSize, ResultSet } from '../renderer/src/query/ResultSet'

const require = createRequire(import.meta.url)
const sizes = process.argv.slice(2).map(Number)
if (sizes.length === 0) sizes.push(1_000_000, 10_000_000)
const batchSize = 1000
const select = 'SELECT * FROM bench ORDER BY id'

const fill: Record<DialectName, (rows: number) => string[]> = {
  postgres: (rows) => [
    'CREATE TABLE bench (id int PRIMARY KEY, big bigint, label text, code varchar(20), ratio float8, flag boolean, at timestamp, amount numeric(12,2), note text, qty int)',
    `INSERT INTO bench SELECT g, g::bigint * 1000003, 'label ' || g, 'C' || (g % 997), g / 7.0, g % 2 = 0, timestamp '2024-01-01' + g * interval '1 second', (g % 100000) / 100.0, CASE WHEN g % 5 = 0 THEN NULL ELSE 'note ' || g END, g % 1000 FROM generate_series(1, ${rows}) g`,
  ],
  mysql: (rows) => [
    'CREATE TABLE bench (id int PRIMARY KEY, big bigint, label text, code varchar(20), ratio double, flag boolean, at datetime, amount decimal(12,2), note text, qty int)',
    `INSERT INTO bench SELECT seq, seq * 1000003, CONCAT('label ', seq), CONCAT('C', seq % 997), seq / 7.0, seq % 2 = 0, '2024-01-01' + INTERVAL seq SECOND, (seq % 100000) / 100.0, IF(seq % 5 = 0, NULL, CONCAT('note ', seq)), seq % 1000 FROM seq_1_to_${rows}`,
  ],
  sqlite: (rows) => [
    'CREATE TABLE bench (id integer PRIMARY KEY, big integer, label text, code varchar(20), ratio real, flag boolean, at datetime, amount numeric(12,2), note text, qty integer)',
    `INSERT INTO bench WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${rows}) SELECT g, g * 1000003, 'label ' || g, 'C' || (g % 997), g / 7.0, g % 2 = 0, datetime('2024-01-01', '+' || g || ' seconds'), (g % 100000) / 100.0, CASE WHEN g % 5 = 0 THEN NULL ELSE 'note ' || g END, g % 1000 FROM s`,
  ],
}

const sqliteFile = (url: string) => new URL(url.replace(/^sqlite:/, 'file:')).pathname

async function raw(dialect: DialectName, url: string): Promise<number> {
  if (dialect === 'sqlite') {
    const db = new Database(sqliteFile(url), { readonly: true })
    let count = 0
    for (const row of db.prepare(select).raw(true).iterate()) count += row ? 1 : 0
    db.close()
    return count
  }
  if (dialect === 'postgres') {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const cursor = client.query(new Cursor(select, undefined, { rowMode: 'array' }))
    let count = 0
    for (
      let batch = await cursor.read(batchSize);
      batch.length > 0;
      batch = await cursor.read(batchSize)
    )
      count += batch.length
    await cursor.close()
    await client.end()
    return count
  }
  return new Promise((resolve, reject) => {
    const conn = mysql.createConnection({
      uri: url,
      rowsAsArray: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
    })
    let count = 0
    conn
      .query(select)
      .on('result', () => count++)
      .on('error', reject)
      .on('end', () => conn.end(() => resolve(count)))
  })
}

/**
 * SQLite's driver is synchronous, so Sluice must run it off the main thread.
 * The cheapest such path: the raw driver in a worker thread, batches of raw
 * rows (integers as lossy doubles) posted back by structured clone and
 * counted. A like-for-like floor beside the calling-thread figure.
 */
function rawSqliteOffThread(file: string): Promise<number> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads')
    const Database = require(workerData.driver)
    const db = new Database(workerData.file, { readonly: true })
    let batch = []
    for (const row of db.prepare(workerData.sql).raw(true).iterate()) {
      batch.push(row)
      if (batch.length === workerData.batchSize) { parentPort.postMessage(batch); batch = [] }
    }
    parentPort.postMessage(batch)
    parentPort.postMessage(null)`
  const worker = new Worker(source, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), sql: select, batchSize },
  })
  let count = 0
  return new Promise((resolve, reject) => {
    worker.on('error', reject)
    worker.on('message', (rows: unknown[][] | null) => {
      if (rows) count += rows.length
      else void worker.terminate().then(() => resolve(count))
    })
  })
}

/** Reads every row through the data layer, in order, as pages become available. */
function readAll(result: ResultSet): Promise<{ count: number; firstThousandMs: number }> {
  const started = performance.now()
  let next = 0
  let firstThousandMs = NaN
  return new Promise((resolve, reject) => {
    const step = () => {
      const snapshot = result.getSnapshot()
      while (next < snapshot.rowCount && result.row(next)) next++
      if (Number.isNaN(firstThousandMs) && next >= Math.min(1000, snapshot.rowCount) && next > 0)
        firstThousandMs = performance.now() - started
      if (snapshot.status === 'error') reject(new Error(snapshot.error?.message))
      else if (snapshot.status === 'done' && next >= snapshot.rowCount)
        resolve({ count: next, firstThousandMs })
      else result.want(next, next + pageSize * 8)
    }
    result.subscribe(step)
    result.start()
    step()
  })
}

const rssMb = (pid: number) => processTreeRss(pid) / 2 ** 20

async function sluice(url: string) {
  const engine = spawn(process.execPath, ['--import', 'tsx', 'bench/engineProcess.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: engine.stdout }).once('line', resolve),
  )
  const { port, token } = JSON.parse(line) as { port: number; token: string }
  const client = nodeWebClient(port, token)
  const { connectionId } = await client.call('connection.open', { url })
  let enginePeak = rssMb(engine.pid!)
  let layerPeak = process.memoryUsage().rss / 2 ** 20
  const sampler = setInterval(() => {
    enginePeak = Math.max(enginePeak, rssMb(engine.pid!))
    layerPeak = Math.max(layerPeak, process.memoryUsage().rss / 2 ** 20)
  }, 20)
  const started = performance.now()
  const result = new ResultSet(client, connectionId, select, 0)
  const { count, firstThousandMs } = await readAll(result)
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const last = result.row(count - 1)
  if (Number(last?.[0]) !== count)
    throw new Error(`the last row read is ${String(last?.[0])}, not ${count}`)
  client.close()
  engine.kill('SIGTERM')
  await new Promise((resolve) => engine.once('exit', resolve))
  return { count, seconds, firstThousandMs, enginePeak, layerPeak }
}

console.log(`Node ${process.version}; rows × 10 columns; the data layer reads pages of ${pageSize}`)
console.log(
  'dialect   rows         raw rows/s   sluice rows/s   × raw   raw off-thread rows/s   × off-thread   first 1,000 ms   engine peak RSS MB   data layer peak RSS MB',
)
for (const dialect of ['sqlite', 'postgres', 'mysql'] as const) {
  for (const rows of sizes) {
    let db: TestDatabase | undefined
    try {
      db = await createTestDatabase(dialect)
      const setup = await connectUrl(db.url)
      for (const sql of fill[dialect](rows))
        for await (const event of setup.stream(sql, { batchSize })) void event
      await setup.close()
      const rawStarted = performance.now()
      const rawCount = await raw(dialect, db.url)
      const rawRate = rawCount / ((performance.now() - rawStarted) / 1000)
      let offThreadRate: number | undefined
      if (dialect === 'sqlite') {
        const started = performance.now()
        const offThreadCount = await rawSqliteOffThread(sqliteFile(db.url))
        offThreadRate = offThreadCount / ((performance.now() - started) / 1000)
      }
      const s = await sluice(db.url)
      if (s.count !== rows || rawCount !== rows)
        throw new Error(`expected ${rows} rows, got ${rawCount} raw and ${s.count} through Sluice`)
      const rate = s.count / s.seconds
      console.log(
        [
          dialect.padEnd(9),
          rows.toLocaleString('en-US').padEnd(12),
          Math.round(rawRate).toLocaleString('en-US').padStart(10),
          Math.round(rate).toLocaleString('en-US').padStart(15),
          (rate / rawRate).toFixed(2).padStart(7),
          (offThreadRate ? Math.round(offThreadRate).toLocaleString('en-US') : '—').padStart(22),
          (offThreadRate ? (rate / offThreadRate).toFixed(2) : '—').padStart(16),
          s.firstThousandMs.toFixed(0).padStart(16),
          s.enginePeak.toFixed(0).padStart(20),
          s.layerPeak.toFixed(0).padStart(24),
        ].join(' '),
      )
    } finally {
      await db?.drop()
    }
  }
}

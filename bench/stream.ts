/**
 * Streams 1,000,000 rows × 10 columns from each dialect three ways in one run:
 * the raw driver alone, the engine's Dialect, and the web transport (engine →
 * WebSocket → a consumer that acknowledges each batch, as the renderer does).
 * Prints rows/s per path, the ratio to raw, and the peak RSS seen during each.
 *
 *   node --import tsx bench/stream.ts [rows]
 */
import Database from 'better-sqlite3'
import mysql from 'mysql2'
import pg from 'pg'
import Cursor from 'pg-cursor'
import { WebSocket } from 'ws'
import type { DialectName } from '../shared/connectionUrl'
import { connectUrl } from '../main/dialects/registry'
import { SluiceService } from '../main/service/SluiceService'
import { startWebServer } from '../main/transport/webServer'
import { createTestDatabase, type TestDatabase } from '../main/testing/testDatabases'

const rows = Number(process.argv[2] ?? 1_000_000)
const batchSize = 1000
const select = 'SELECT * FROM bench ORDER BY id'

const fill: Record<DialectName, string[]> = {
  postgres: [
    'CREATE TABLE bench (id int PRIMARY KEY, big bigint, label text, code varchar(20), ratio float8, flag boolean, at timestamp, amount numeric(12,2), note text, qty int)',
    `INSERT INTO bench SELECT g, g::bigint * 1000003, 'label ' || g, 'C' || (g % 997), g / 7.0, g % 2 = 0, timestamp '2024-01-01' + g * interval '1 second', (g % 100000) / 100.0, CASE WHEN g % 5 = 0 THEN NULL ELSE 'note ' || g END, g % 1000 FROM generate_series(1, ${rows}) g`,
  ],
  mysql: [
    'CREATE TABLE bench (id int PRIMARY KEY, big bigint, label text, code varchar(20), ratio double, flag boolean, at datetime, amount decimal(12,2), note text, qty int)',
    `INSERT INTO bench SELECT seq, seq * 1000003, CONCAT('label ', seq), CONCAT('C', seq % 997), seq / 7.0, seq % 2 = 0, '2024-01-01' + INTERVAL seq SECOND, (seq % 100000) / 100.0, IF(seq % 5 = 0, NULL, CONCAT('note ', seq)), seq % 1000 FROM seq_1_to_${rows}`,
  ],
  sqlite: [
    'CREATE TABLE bench (id integer PRIMARY KEY, big integer, label text, code varchar(20), ratio real, flag boolean, at datetime, amount numeric(12,2), note text, qty integer)',
    `INSERT INTO bench WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${rows}) SELECT g, g * 1000003, 'label ' || g, 'C' || (g % 997), g / 7.0, g % 2 = 0, datetime('2024-01-01', '+' || g || ' seconds'), (g % 100000) / 100.0, CASE WHEN g % 5 = 0 THEN NULL ELSE 'note ' || g END, g % 1000 FROM s`,
  ],
}

interface Measure {
  rowsPerSecond: number
  peakRssMb: number
}

async function measure(run: () => Promise<number>): Promise<Measure> {
  global.gc?.()
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const started = performance.now()
  const count = await run()
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  if (count !== rows) throw new Error(`expected ${rows} rows, got ${count}`)
  return { rowsPerSecond: count / seconds, peakRssMb: peak / 2 ** 20 }
}

function raw(dialect: DialectName, url: string): Promise<number> {
  if (dialect === 'sqlite') {
    const db = new Database(new URL(url.replace(/^sqlite:/, 'file:')).pathname, { readonly: true })
    let count = 0
    for (const row of db.prepare(select).raw(true).iterate()) count += row ? 1 : 0
    db.close()
    return Promise.resolve(count)
  }
  if (dialect === 'postgres') {
    return (async () => {
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
    })()
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

async function engine(url: string): Promise<number> {
  const connection = await connectUrl(url)
  let count = 0
  for await (const event of connection.stream(select, { batchSize }))
    if (event.kind === 'rows') count += event.rows.length
  await connection.close()
  return count
}

async function web(url: string): Promise<number> {
  const service = new SluiceService({ version: 'bench', startUrl: null })
  const server = await startWebServer({ service, staticDir: process.cwd() })
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, {
    headers: { cookie: `sluice_token=${server.token}`, origin: `http://127.0.0.1:${server.port}` },
  })
  await new Promise((resolve) => ws.once('open', resolve))
  let nextId = 1
  const call = (method: string, input: unknown) =>
    ws.send(JSON.stringify({ id: nextId++, method, input }))
  const count = await new Promise<number>((resolve, reject) => {
    let received = 0
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number
        ok?: boolean
        result?: { connectionId: string }
        error?: { message: string }
        event?: { type: string; seq: number; rows: unknown[] }
      }
      if (message.ok === false) reject(new Error(message.error?.message))
      else if (message.id === 1)
        call('query.run', {
          connectionId: message.result!.connectionId,
          queryId: 'bench',
          sql: select,
          batchSize,
        })
      else if (message.event?.type === 'query.rows') {
        received += message.event.rows.length
        call('query.ack', { queryId: 'bench', seq: message.event.seq })
      } else if (message.event?.type === 'query.done') resolve(received)
      else if (message.event?.type === 'query.error')
        reject(new Error(JSON.stringify(message.event)))
    })
    call('connection.open', { url })
  })
  ws.close()
  await server.close()
  await service.close()
  return count
}

const dialects: DialectName[] = ['sqlite', 'postgres', 'mysql']
console.log(
  `Streaming ${rows.toLocaleString('en-US')} rows × 10 columns, batches of ${batchSize}, Node ${process.version}`,
)
console.log('dialect   path     rows/s       × raw   peak RSS MB')
for (const dialect of dialects) {
  let db: TestDatabase | undefined
  try {
    db = await createTestDatabase(dialect)
    const setup = await connectUrl(db.url)
    for (const sql of fill[dialect])
      for await (const event of setup.stream(sql, { batchSize })) void event
    await setup.close()
    const results: [string, Measure][] = []
    results.push(['raw', await measure(() => raw(dialect, db!.url))])
    results.push(['engine', await measure(() => engine(db!.url))])
    results.push(['web', await measure(() => web(db!.url))])
    const base = results[0]![1].rowsPerSecond
    for (const [path, m] of results) {
      console.log(
        `${dialect.padEnd(9)} ${path.padEnd(8)} ${Math.round(m.rowsPerSecond).toLocaleString('en-US').padStart(10)}   ${(m.rowsPerSecond / base).toFixed(2).padStart(5)}   ${m.peakRssMb.toFixed(0).padStart(6)}`,
      )
    }
  } finally {
    await db?.drop()
  }
}

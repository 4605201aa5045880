/**
 * Builds 2,000 tables (12 columns, 2 indexes and 1 foreign key each) on each
 * dialect, then times in the same run:
 * - bare: the introspector's own batched catalog queries through the raw
 *   driver, rows fetched and thrown away;
 * - full: the engine's `introspect()`, which runs them and builds the model
 *   (for SQLite, in its worker thread, and handed back across it).
 * Prints the median of several runs of each and the ratio full / bare.
 *
 *   node --import tsx bench/introspect.ts [tables] [runs]
 */
import Database from 'better-sqlite3'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import mysql from 'mysql2/promise'
import pg from 'pg'
import type { DialectName } from '../shared/connectionUrl'
import { connectUrl } from '../main/dialects/registry'
import * as mysqlQueries from '../main/dialects/mysql/catalogQueries'
import * as pgQueries from '../main/dialects/postgres/catalogQueries'
import * as sqliteQueries from '../main/dialects/sqlite/catalogQueries'
import { allDialects, createTestDatabase } from '../main/testing/testDatabases'

const require = createRequire(import.meta.url)
const tableCount = Number(process.argv[2] ?? 2000)
const runs = Number(process.argv[3] ?? 7)

/** Table i: 12 columns, a foreign key to table i-1, and two indexes besides the primary key. */
function tableDdl(dialect: DialectName, i: number): string[] {
  const t = `t${i}`
  const text = dialect === 'mysql' ? 'varchar(200)' : 'text'
  const stamp =
    dialect === 'postgres' ? 'timestamptz' : dialect === 'mysql' ? 'datetime' : 'datetime'
  const parent =
    i === 0
      ? ''
      : `, CONSTRAINT ${t}_parent FOREIGN KEY (parent_id) REFERENCES t${i - 1} (id) ON DELETE CASCADE`
  return [
    `CREATE TABLE ${t} (id integer NOT NULL PRIMARY KEY, parent_id integer, name varchar(100) NOT NULL, email varchar(200), note ${text}, amount numeric(12,2) DEFAULT 0, ratio float, active boolean NOT NULL DEFAULT true, created ${stamp}, updated ${stamp}, code char(8), qty integer${parent})`,
    `CREATE INDEX ${t}_name ON ${t} (name)`,
    `CREATE INDEX ${t}_active_created ON ${t} (active, created)`,
  ]
}

function statements(dialect: DialectName): string[] {
  return Array.from({ length: tableCount }, (_, i) => tableDdl(dialect, i)).flat()
}

function slices(all: string[], size = 300): string[][] {
  return Array.from({ length: Math.ceil(all.length / size) }, (_, k) =>
    all.slice(k * size, (k + 1) * size),
  )
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

async function bench(dialect: DialectName) {
  const db = await createTestDatabase(dialect)
  try {
    let bare: () => Promise<unknown>
    let bareOffThread: (() => Promise<unknown>) | undefined
    let closeRaw: () => Promise<void>
    if (dialect === 'sqlite') {
      const file = new URL(db.url.replace(/^sqlite:/, 'file:')).pathname
      const raw = new Database(file)
      raw.exec(`BEGIN; ${statements(dialect).join(';\n')}; COMMIT;`)
      const queries = [
        sqliteQueries.objectsSql,
        sqliteQueries.columnsSql,
        sqliteQueries.indexesSql,
        sqliteQueries.foreignKeysSql,
      ].map((sql) => raw.prepare(sql))
      bare = async () => queries.map((query) => query.all({ only: null }))
      const offThread = bareInWorker(file)
      bareOffThread = offThread.run
      closeRaw = async () => {
        raw.close()
        await offThread.close()
      }
    } else if (dialect === 'postgres') {
      const raw = new pg.Client({ connectionString: db.url })
      await raw.connect()
      // In slices: one transaction locking 2,000 tables outgrows max_locks_per_transaction.
      for (const slice of slices(statements(dialect))) await raw.query(slice.join(';\n'))
      const q = pgQueries
      const all = [
        q.namespacesSql,
        q.relationsSql(),
        q.columnsSql(),
        q.constraintsSql(),
        q.indexesSql(),
        q.triggersSql(),
        q.sequencesSql,
        q.enumsSql,
        q.routinesSql,
      ]
      bare = async () => {
        for (const sql of all) await raw.query(sql)
      }
      closeRaw = () => raw.end()
    } else {
      const raw = await mysql.createConnection({ uri: db.url, multipleStatements: true })
      await raw.query(statements(dialect).join(';\n'))
      const q = mysqlQueries
      const all = [
        q.tablesSql(),
        q.columnsSql(),
        q.indexesSql(),
        q.foreignKeysSql(),
        q.foreignKeyRulesSql(),
        q.checksSql(),
        q.viewsSql(),
        q.triggersSql(),
      ]
      bare = async () => {
        for (const sql of all) await raw.query(sql)
      }
      closeRaw = () => raw.end()
    }
    const engine = await connectUrl(db.url)
    try {
      const model = await engine.introspect()
      const tables = model.namespaces.reduce((n, ns) => n + ns.tables.length, 0)
      if (tables !== tableCount)
        throw new Error(`${dialect}: introspected ${tables} tables, built ${tableCount}`)
      // Warm both paths once, then alternate so neither gets a warmer cache.
      await bare()
      const bareMs = await median(bare)
      const offThreadMs = bareOffThread ? await median(bareOffThread) : undefined
      const fullMs = await median(() => engine.introspect())
      return { dialect, bareMs, offThreadMs, fullMs, ratio: fullMs / (offThreadMs ?? bareMs) }
    } finally {
      await engine.close()
      await closeRaw()
    }
  } finally {
    await db.drop()
  }
}

/**
 * SQLite's driver is synchronous, so Sluice runs it in a worker thread and
 * every result crosses back to the main thread. This runs the same bare
 * queries with the raw driver in a worker of the bench's own and returns
 * their rows, so both sides of the comparison pay for the crossing.
 */
function bareInWorker(file: string) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads')
    const Database = require(workerData.driver)
    const db = new Database(workerData.file, { readonly: true })
    const queries = workerData.queries.map((sql) => db.prepare(sql))
    parentPort.on('message', () => parentPort.postMessage(queries.map((q) => q.all({ only: null }))))`
  const worker = new Worker(source, {
    eval: true,
    workerData: {
      file,
      driver: require.resolve('better-sqlite3'),
      queries: [
        sqliteQueries.objectsSql,
        sqliteQueries.columnsSql,
        sqliteQueries.indexesSql,
        sqliteQueries.foreignKeysSql,
      ],
    },
  })
  return {
    run: () =>
      new Promise((resolve) => {
        worker.once('message', resolve)
        worker.postMessage('run')
      }),
    close: () => worker.terminate(),
  }
}

const ms = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(0))

console.log(`${tableCount} tables × 12 columns, 2 indexes, 1 foreign key; median of ${runs} runs`)
console.log(
  '| dialect  | bare queries, calling thread ms | bare queries, worker thread ms | full introspection ms | × bare |',
)
console.log(
  '| -------- | ------------------------------: | -----------------------------: | --------------------: | -----: |',
)
for (const dialect of allDialects) {
  const r = await bench(dialect)
  console.log(
    `| ${r.dialect.padEnd(8)} | ${ms(r.bareMs).padStart(31)} | ${ms(r.offThreadMs).padStart(30)} | ${ms(r.fullMs).padStart(21)} | ${r.ratio.toFixed(2).padStart(6)} |`,
  )
}

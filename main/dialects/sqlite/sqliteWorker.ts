import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import type { Cell } from '../../../shared/cells'
import { SluiceError, type SluiceErrorData } from '../../../shared/errors'
import { bytesCell, floatCell, integerCell, jsonCell } from '../encodeCell'
import { positionOfNearText } from '../errorPosition'
import { introspect } from './introspect'
import { listObjects } from './listObjects'
import type { FromWorker, ToWorker, WorkerData } from './protocol'

/**
 * better-sqlite3 is synchronous, so each SQLite connection lives in its own
 * worker thread: a slow query blocks only this thread, and cancelling ends it.
 * Row batches are flow-controlled through a shared credit counter, because a
 * synchronous loop cannot read messages while it iterates.
 */

const port = parentPort!
const { credits: sharedCredits, nativeBinding } = workerData as WorkerData
const credits = new Int32Array(sharedCredits)
let db: Database.Database | undefined

port.on('message', (message: ToWorker) => {
  try {
    handle(message)
  } catch (error) {
    post({
      type: 'error',
      error: sqliteErrorData(error, message.type === 'run' ? message.sql : undefined),
    })
  }
})

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'open': {
      db = new Database(message.file, nativeBinding ? { nativeBinding } : {})
      // A cancelled statement may still hold a lock in an abandoned thread for a moment.
      db.pragma('busy_timeout = 5000')
      const version = db.prepare('SELECT sqlite_version()').pluck().get() as string
      post({ type: 'opened', version: `SQLite ${version}` })
      return
    }
    case 'run':
      return run(open(), message.sql, message.batchSize)
    case 'objects':
      return post({ type: 'objects', objects: listObjects(open()) })
    case 'introspect':
      return post({ type: 'schema', json: JSON.stringify(introspect(open(), message.only)) })
    case 'close':
      db?.close()
      db = undefined
      return post({ type: 'closed' })
  }
}

function run(database: Database.Database, sql: string, batchSize: number): void {
  const statement = database.prepare(sql)
  post({ type: 'started', reader: statement.reader })
  if (!statement.reader) {
    const info = statement.run()
    post({ type: 'columns', columns: [] })
    return post({ type: 'done', affectedRows: info.changes })
  }
  statement.raw(true).safeIntegers(true)
  const columns = statement.columns()
  // SQLite has no JSON type; a column declared JSON is the convention Django and others follow.
  const isJson = columns.map((c) => /json/i.test(c.type ?? ''))
  post({ type: 'columns', columns: columns.map((c) => ({ name: c.name, type: c.type ?? '' })) })
  let batch: Cell[][] = []
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    const cells = new Array<Cell>(row.length)
    for (let i = 0; i < row.length; i++) cells[i] = toCell(row[i], isJson[i] === true)
    batch.push(cells)
    if (batch.length >= batchSize) {
      sendRows(batch)
      batch = []
    }
  }
  if (batch.length > 0) sendRows(batch)
  post({ type: 'done', affectedRows: null })
}

function sendRows(rows: Cell[][]): void {
  while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, 0)
  Atomics.sub(credits, 0, 1)
  post({ type: 'rows', json: JSON.stringify(rows), count: rows.length })
}

function toCell(value: unknown, json: boolean): Cell {
  if (value === null) return null
  if (typeof value === 'bigint') return integerCell(value)
  if (typeof value === 'number') return floatCell(value)
  if (typeof value === 'string') return json ? jsonCell(value) : value
  if (value instanceof Uint8Array) return bytesCell(value)
  return String(value)
}

function open(): Database.Database {
  if (!db) throw new SluiceError({ code: 'INTERNAL', message: 'The SQLite database is not open' })
  return db
}

function sqliteErrorData(error: unknown, sql: string | undefined): SluiceErrorData {
  if (error instanceof SluiceError) return error.data
  const e = error as { code?: unknown; message?: unknown }
  const message = typeof e.message === 'string' ? e.message : String(error)
  const serverCode = typeof e.code === 'string' ? e.code : undefined
  if (serverCode === 'SQLITE_CANTOPEN' || /directory does not exist/.test(message))
    return { code: 'NOT_FOUND', serverCode, message: `Cannot open the SQLite file: ${message}` }
  if (!serverCode?.startsWith('SQLITE_') && !/syntax|statement/i.test(message))
    return { code: 'INTERNAL', message }
  const near = /near "([\s\S]*?)": syntax error/.exec(message)
  const position = sql ? positionOfNearText(sql, near ? near[1] : undefined) : undefined
  return { code: 'SQL_ERROR', serverCode, message, position }
}

function post(message: FromWorker): void {
  port.postMessage(message)
}

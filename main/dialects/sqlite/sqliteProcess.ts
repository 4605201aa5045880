import Database from 'better-sqlite3'
import type { Cell } from '../../../shared/cells'
import { SluiceError, type SluiceErrorData } from '../../../shared/errors'
import { bytesCell, floatCell, integerCell, jsonCell } from '../encodeCell'
import { positionOfNearText } from '../errorPosition'
import { definitionOf } from './definitionOf'
import { defineEngineFunctions } from './engineFunctions'
import { introspect } from './introspect'
import { listObjects } from './listObjects'
import { listOthers } from './listOthers'
import { creditWindow, type FromChild, type ToChild } from './protocol'

/**
 * better-sqlite3 is synchronous and has no sqlite3_interrupt, so each SQLite
 * connection lives in a child process of its own: a slow query blocks only
 * this process, and a cancel kills it, even inside one long native step
 * (an aggregate over billions of rows), where a thread could not be stopped.
 * Rows go in batches, at most `creditWindow` ahead of the connection.
 */

let db: Database.Database | undefined
let credits = creditWindow
let wakeForCredit: (() => void) | undefined

process.on('message', (message: ToChild) => {
  if (message.type === 'credit') {
    credits++
    wakeForCredit?.()
    return
  }
  handle(message).catch((error: unknown) =>
    post({
      type: 'error',
      error: sqliteErrorData(error, message.type === 'run' ? message.sql : undefined),
    }),
  )
})
// The connection is gone (closed, or its process died): nothing is left to serve.
process.on('disconnect', () => process.exit(0))

async function handle(message: Exclude<ToChild, { type: 'credit' }>): Promise<void> {
  switch (message.type) {
    case 'open': {
      db = new Database(
        message.file,
        message.nativeBinding ? { nativeBinding: message.nativeBinding } : {},
      )
      // A cancelled statement's process may hold a lock for the moment it takes to die.
      db.pragma('busy_timeout = 5000')
      defineEngineFunctions(db)
      const version = db.prepare('SELECT sqlite_version()').pluck().get() as string
      return post({ type: 'opened', version: `SQLite ${version}` })
    }
    case 'run':
      return run(open(), message.sql, message.batchSize)
    case 'objects':
      return post({ type: 'objects', objects: listObjects(open()) })
    case 'introspect':
      return post({ type: 'schema', json: JSON.stringify(introspect(open(), message.only)) })
    case 'others':
      return post({ type: 'others', objects: listOthers(open(), message.only) })
    case 'definition':
      return post({ type: 'definition', ddl: definitionOf(open(), message.object) })
    case 'backup':
      await open().backup(message.file)
      return post({ type: 'backedUp' })
    case 'close':
      db?.close()
      process.exit(0)
  }
}

async function run(database: Database.Database, sql: string, batchSize: number): Promise<void> {
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
  credits = creditWindow
  const rows = statement.iterate() as IterableIterator<unknown[]>
  try {
    for (;;) {
      const batch: Cell[][] = []
      for (let next = rows.next(); !next.done; next = rows.next()) {
        const row = next.value
        const cells = new Array<Cell>(row.length)
        for (let i = 0; i < row.length; i++) cells[i] = toCell(row[i], isJson[i] === true)
        batch.push(cells)
        if (batch.length >= batchSize) break
      }
      if (batch.length === 0) break
      await credit()
      post({ type: 'rows', json: JSON.stringify(batch), count: batch.length })
      if (batch.length < batchSize) break
    }
  } finally {
    rows.return?.()
  }
  post({ type: 'done', affectedRows: null })
}

/** Waits, if need be, until the connection has room for another batch. */
async function credit(): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (wakeForCredit = resolve))
  wakeForCredit = undefined
  credits--
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

function post(message: FromChild): void {
  process.send!(message)
}

import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { SqliteTarget } from '../../../shared/connectionUrl'
import type { ObjectRef, SchemaObjects } from '../../../shared/contract'
import { SluiceError } from '../../../shared/errors'
import type { DatabaseSchema } from '../../../shared/schema/model'
import { connectionBusy } from '../busy'
import { RowBatch } from '../RowBatch'
import type { DialectConnection, StreamEvent, StreamOptions } from '../types'
import { sqliteNativeBinding } from './nativeBinding'
import { creditWindow, type FromWorker, type ToWorker, type WorkerData } from './protocol'

/**
 * The built app ships the worker as its own file beside the bundle. Tests run
 * the TypeScript source, so there a small bootstrap registers tsx in the
 * worker before importing it (workers ignore `--import` in execArgv on Node 20).
 */
function spawnWorker(workerData: WorkerData): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./sqliteWorker.js', import.meta.url), { workerData })
  const source = new URL('./sqliteWorker.ts', import.meta.url).href
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}) })`
  return new Worker(bootstrap, { eval: true, workerData })
}

export class SqliteConnection implements DialectConnection {
  readonly dialect = 'sqlite' as const
  serverVersion = ''
  private worker!: Worker
  private credits!: Int32Array
  private mailbox!: Mailbox
  private running = false
  private cancelled = false
  /** The running statement returns no rows, so it cannot be stopped part-way. */
  private runningWrite = false

  private constructor(private readonly file: string) {}

  static async open(target: SqliteTarget): Promise<SqliteConnection> {
    const file = target.file === ':memory:' ? ':memory:' : resolve(target.file)
    const connection = new SqliteConnection(file)
    await connection.start()
    return connection
  }

  async *stream(sql: string, options: StreamOptions): AsyncGenerator<StreamEvent, void, undefined> {
    if (this.running) throw connectionBusy()
    this.running = true
    this.cancelled = false
    this.runningWrite = false
    Atomics.store(this.credits, 0, creditWindow)
    this.send({ type: 'run', sql, batchSize: options.batchSize })
    // Kept across a cancel, which swaps in a new worker with a new mailbox.
    const mailbox = this.mailbox
    const credits = this.credits
    let finished = false
    try {
      for (;;) {
        const message = await mailbox.next()
        if (message.type === 'started') continue
        if (message.type === 'columns') yield { kind: 'columns', columns: message.columns }
        else if (message.type === 'rows') {
          yield RowBatch.ofJson(message.json, message.count)
          Atomics.add(credits, 0, 1)
          Atomics.notify(credits, 0)
        } else if (message.type === 'done') {
          finished = true
          yield { kind: 'done', affectedRows: message.affectedRows }
          return
        } else if (message.type === 'error') {
          finished = true
          throw new SluiceError(message.error)
        }
      }
    } finally {
      // A consumer that stops early leaves the worker mid-iteration; only a
      // fresh worker gives a clean handle.
      if (!finished && !this.cancelled) await this.restart()
      this.running = false
    }
  }

  async cancel(): Promise<boolean> {
    if (!this.running) return false
    if (this.runningWrite) {
      // Ending the thread would not stop it: the write would still commit, after we had said "cancelled".
      throw new SluiceError({
        code: 'BUSY',
        message:
          'SQLite cannot interrupt a statement that changes data; it will run to the end and its changes will be kept',
      })
    }
    this.cancelled = true
    const mailbox = this.mailbox
    await this.restart()
    const lost = this.file === ':memory:' ? '; the in-memory database was reset' : ''
    mailbox.push({ type: 'error', error: { code: 'CANCELLED', message: `Query cancelled${lost}` } })
    return true
  }

  async listObjects(): Promise<SchemaObjects> {
    const reply = await this.ask({ type: 'objects' })
    if (reply.type !== 'objects') throw unexpected(reply)
    return reply.objects
  }

  async introspect(only?: ObjectRef): Promise<DatabaseSchema> {
    const reply = await this.ask({ type: 'introspect', only: only?.name ?? null })
    if (reply.type !== 'schema') throw unexpected(reply)
    return JSON.parse(reply.json) as DatabaseSchema
  }

  /** A request answered by one reply; the worker serves one thing at a time, so none while a statement runs. */
  private async ask(message: ToWorker): Promise<FromWorker> {
    if (this.running) throw connectionBusy()
    this.send(message)
    const reply = await this.mailbox.next()
    if (reply.type === 'error') throw new SluiceError(reply.error)
    return reply
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }

  private async start(): Promise<void> {
    const data: WorkerData = {
      credits: new SharedArrayBuffer(4),
      nativeBinding: sqliteNativeBinding(),
    }
    const worker = spawnWorker(data)
    const mailbox = new Mailbox()
    this.worker = worker
    this.credits = new Int32Array(data.credits)
    this.mailbox = mailbox
    worker.on('message', (message: FromWorker) => {
      // Noted as it arrives, not when the stream reads it, so cancel() sees it at once.
      if (message.type === 'started') this.runningWrite = !message.reader
      mailbox.push(message)
    })
    worker.on('error', (error) => {
      mailbox.push({
        type: 'error',
        error: { code: 'INTERNAL', message: `SQLite worker failed: ${error.message}` },
      })
    })
    this.send({ type: 'open', file: this.file })
    const reply = await mailbox.next()
    if (reply.type === 'error') {
      await worker.terminate()
      throw new SluiceError(reply.error)
    }
    if (reply.type !== 'opened') throw unexpected(reply)
    this.serverVersion = reply.version
  }

  /**
   * better-sqlite3 has no sqlite3_interrupt, and a thread inside one long
   * native step (a big aggregate) only notices termination when SQLite hands
   * control back. So the old thread is abandoned rather than awaited: it exits
   * on its own, and a fresh worker serves the connection at once.
   */
  private async restart(): Promise<void> {
    void this.worker.terminate()
    await this.start()
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message)
  }
}

/** The replies of one worker, in order; each worker gets its own so a restart cannot mix them up. */
class Mailbox {
  private queue: FromWorker[] = []
  private wake: (() => void) | undefined

  push(message: FromWorker): void {
    this.queue.push(message)
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  async next(): Promise<FromWorker> {
    for (;;) {
      const message = this.queue.shift()
      if (message) return message
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }
}

function unexpected(message: FromWorker): SluiceError {
  return new SluiceError({
    code: 'INTERNAL',
    message: `Unexpected reply from the SQLite worker: ${message.type}`,
  })
}

import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SqliteTarget } from '../../../shared/connectionUrl'
import type { ObjectRef, SchemaObjects } from '../../../shared/contract'
import { SluiceError } from '../../../shared/errors'
import type { DatabaseSchema } from '../../../shared/schema/model'
import type { OtherObject, OtherObjectRef } from '../../../shared/schemaContract'
import { connectionBusy } from '../busy'
import { RowBatch } from '../RowBatch'
import type { DialectConnection, StreamEvent, StreamOptions } from '../types'
import { sqliteNativeBinding } from './nativeBinding'
import type { FromChild, ToChild } from './protocol'

/** The last of a child's stderr kept, to say why it died. */
const keptStderr = 2000

/** How long an idle child may take to close its database before it is killed. */
const closeTimeoutMs = 2000

/** Every live child, so none outlives this process however it exits. */
const children = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

/**
 * The built app ships the child's entry as its own file beside the bundle;
 * tests run the TypeScript source through tsx. Under Electron, fork runs the
 * app's own binary as Node (ELECTRON_RUN_AS_NODE), whose ABI the Electron
 * build of better-sqlite3 matches.
 */
function spawnChild(): ChildProcess {
  const source = import.meta.url.endsWith('.ts')
  const entry = new URL(source ? './sqliteProcess.ts' : './sqliteProcess.js', import.meta.url)
  const child = fork(fileURLToPath(entry), [], {
    execArgv: source ? ['--import', 'tsx'] : [],
    serialization: 'advanced',
    // stdout is the CLI's output; the child never writes to it.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

export class SqliteConnection implements DialectConnection {
  readonly dialect = 'sqlite' as const
  serverVersion = ''
  private child!: ChildProcess
  private mailbox!: Mailbox
  private running = false
  private cancelled = false
  /** The running statement returns no rows, so it cannot be stopped part-way. */
  private runningWrite = false
  /**
   * The catalog read in flight, if any. The child answers on one channel, in
   * order and without ids, so one request is out at a time: catalog reads
   * queue behind each other, and a statement waits for the read before it.
   */
  private asking: Promise<unknown> = Promise.resolve()

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
    await this.asking.catch(() => undefined)
    await this.revive().catch((error: unknown) => {
      this.running = false
      throw error
    })
    this.send({ type: 'run', sql, batchSize: options.batchSize })
    // Kept across a cancel, which swaps in a new child with a new mailbox.
    const mailbox = this.mailbox
    const child = this.child
    let finished = false
    try {
      for (;;) {
        const message = await mailbox.next()
        if (message.type === 'started') continue
        if (message.type === 'columns') yield { kind: 'columns', columns: message.columns }
        else if (message.type === 'rows') {
          yield RowBatch.ofJson(message.json, message.count)
          if (child.connected) child.send({ type: 'credit' } satisfies ToChild)
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
      // A consumer that stops early leaves the child mid-iteration; a fresh
      // child is the quickest clean handle.
      if (!finished && !this.cancelled) await this.restart()
      this.running = false
    }
  }

  async cancel(): Promise<boolean> {
    if (!this.running) return false
    if (this.runningWrite) {
      // Killed at the wrong moment, the write might already have committed, after we had said "cancelled".
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

  async listOthers(only?: OtherObjectRef): Promise<OtherObject[]> {
    const reply = await this.ask({ type: 'others', only: only ?? null })
    if (reply.type !== 'others') throw unexpected(reply)
    return reply.objects
  }

  async definitionOf(object: OtherObjectRef): Promise<string[] | null> {
    const reply = await this.ask({ type: 'definition', object })
    if (reply.type !== 'definition') throw unexpected(reply)
    return reply.ddl
  }

  /** Copies the database, pages read under a consistent snapshot, into a new file. */
  async backupTo(file: string): Promise<void> {
    const reply = await this.ask({ type: 'backup', file })
    if (reply.type !== 'backedUp') throw unexpected(reply)
  }

  /** A request answered by one reply; the child serves one thing at a time, so none while a statement runs. */
  private ask(message: ToChild): Promise<FromChild> {
    if (this.running) return Promise.reject(connectionBusy())
    // A statement that starts after this was asked waits for it (stream awaits `asking`).
    const turn = this.asking
      .catch(() => undefined)
      .then(async () => {
        await this.revive()
        this.send(message)
        const reply = await this.mailbox.next()
        if (reply.type === 'error') throw new SluiceError(reply.error)
        return reply
      })
    this.asking = turn
    return turn
  }

  /** Lets an idle child close its database cleanly (a WAL is checkpointed); a busy or stuck one is killed. */
  async close(): Promise<void> {
    const child = this.child
    if (this.running || !child.connected) return stop(child)
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    this.send({ type: 'close' })
    const timer = setTimeout(() => void stop(child), closeTimeoutMs)
    await exited
    clearTimeout(timer)
  }

  private async start(): Promise<void> {
    const child = spawnChild()
    const mailbox = new Mailbox()
    this.child = child
    this.mailbox = mailbox
    let stderr = ''
    child.stderr!.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-keptStderr)),
    )
    child.on('message', (message: FromChild) => {
      // Noted as it arrives, not when the stream reads it, so cancel() sees it at once.
      if (message.type === 'started') this.runningWrite = !message.reader
      mailbox.push(message)
    })
    child.on('exit', (code, signal) => {
      // Killed by us, or exited cleanly after `close`: nothing unexpected.
      if (child.killed || code === 0) return
      const why = stderr.trim().split('\n').slice(-3).join(' ') || `exit ${signal ?? code}`
      mailbox.push({
        type: 'error',
        error: { code: 'INTERNAL', message: `The SQLite process ended unexpectedly: ${why}` },
      })
    })
    this.send({ type: 'open', file: this.file, nativeBinding: sqliteNativeBinding() ?? null })
    const reply = await mailbox.next()
    if (reply.type === 'error') {
      await stop(child)
      throw new SluiceError(reply.error)
    }
    if (reply.type !== 'opened') throw unexpected(reply)
    this.serverVersion = reply.version
  }

  /** Kills the child, wherever it is (a long native step included), and starts a fresh one. */
  private async restart(): Promise<void> {
    await stop(this.child)
    await this.start()
  }

  /** A child that died (killed from outside, out of memory) is replaced before the next statement. */
  private async revive(): Promise<void> {
    if (!this.child.connected) await this.start()
  }

  private send(message: ToChild): void {
    if (this.child.connected) this.child.send(message)
  }
}

/** Kills a child and resolves once it has gone, so its locks and file handles are released. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGKILL')
  return exited
}

/** The replies of one child, in order; each child gets its own so a restart cannot mix them up. */
class Mailbox {
  private queue: FromChild[] = []
  private wake: (() => void) | undefined

  push(message: FromChild): void {
    this.queue.push(message)
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  async next(): Promise<FromChild> {
    for (;;) {
      const message = this.queue.shift()
      if (message) return message
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }
}

function unexpected(message: FromChild): SluiceError {
  return new SluiceError({
    code: 'INTERNAL',
    message: `Unexpected reply from the SQLite process: ${message.type}`,
  })
}

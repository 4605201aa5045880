import type { Cell } from '../../../shared/cells'
import type { ColumnInfo, SluiceEvent } from '../../../shared/contract'
import { SluiceError, type SluiceErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'

export type QueryStatus = 'running' | 'done' | 'error'

export interface QuerySnapshot {
  status: QueryStatus
  columns: ColumnInfo[]
  rowCount: number
  affectedRows: number | null
  elapsedMs: number | null
  startedAt: number
  error: SluiceErrorData | null
  /** Something to tell the user that is not the query's own outcome, e.g. a refused cancel. */
  notice: string | null
}

/** How often the grid hears about new rows while a result streams in. */
const notifyEveryMs = 50

let counter = 0

/**
 * One statement's run as the UI sees it: rows accumulate as batches arrive,
 * each batch is acknowledged so the engine sends more, and React reads a
 * snapshot that changes at most every `notifyEveryMs`.
 */
export class QueryRun {
  readonly queryId = `q${Date.now().toString(36)}-${++counter}`
  readonly rows: Cell[][] = []
  private snapshot: QuerySnapshot
  private readonly listeners = new Set<() => void>()
  private unsubscribe: (() => void) | undefined
  private notifyTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly client: SluiceClient,
    readonly connectionId: string,
    readonly sql: string,
    /** Where the statement starts in the editor, to place a server's error position. */
    readonly offset: number,
  ) {
    this.snapshot = {
      status: 'running',
      columns: [],
      rowCount: 0,
      affectedRows: null,
      elapsedMs: null,
      startedAt: Date.now(),
      error: null,
      notice: null,
    }
  }

  start(): this {
    this.unsubscribe = this.client.onEvent((event) => {
      if (event.queryId === this.queryId) this.handle(event)
    })
    this.client
      .call('query.run', { connectionId: this.connectionId, queryId: this.queryId, sql: this.sql })
      .catch((error: unknown) => {
        this.finish({
          status: 'error',
          error:
            error instanceof SluiceError
              ? error.data
              : { code: 'INTERNAL', message: String(error) },
        })
      })
    return this
  }

  async cancel(): Promise<void> {
    if (this.snapshot.status !== 'running') return
    try {
      await this.client.call('query.cancel', { queryId: this.queryId })
    } catch (error) {
      this.update({ notice: error instanceof SluiceError ? error.message : String(error) }, true)
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): QuerySnapshot => this.snapshot

  private handle(event: SluiceEvent): void {
    switch (event.type) {
      case 'query.columns':
        this.update({ columns: event.columns }, true)
        return
      case 'query.rows':
        for (const row of event.rows) this.rows.push(row)
        void this.client
          .call('query.ack', { queryId: this.queryId, seq: event.seq })
          .catch(() => undefined)
        this.update({ rowCount: this.rows.length }, this.rows.length === event.rows.length)
        return
      case 'query.done':
        this.finish({
          status: 'done',
          rowCount: this.rows.length,
          affectedRows: event.affectedRows,
          elapsedMs: event.elapsedMs,
        })
        return
      case 'query.error':
        this.finish({
          status: 'error',
          rowCount: this.rows.length,
          error: event.error,
          elapsedMs: event.elapsedMs,
        })
    }
  }

  private finish(change: Partial<QuerySnapshot>): void {
    this.unsubscribe?.()
    this.update(change, true)
  }

  private update(change: Partial<QuerySnapshot>, now: boolean): void {
    this.snapshot = { ...this.snapshot, ...change }
    if (now) {
      clearTimeout(this.notifyTimer)
      this.notifyTimer = undefined
      this.notify()
    } else {
      this.notifyTimer ??= setTimeout(() => {
        this.notifyTimer = undefined
        this.notify()
      }, notifyEveryMs)
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}

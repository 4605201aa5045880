import type { Cell } from '../../../shared/cells'
import type { ColumnInfo, Notice, QueryEvent } from '../../../shared/contract'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'

export type ResultStatus = 'running' | 'done' | 'error'

export interface ResultSnapshot {
  status: ResultStatus
  columns: ColumnInfo[]
  rowCount: number
  affectedRows: number | null
  elapsedMs: number | null
  startedAt: number
  error: SluiceErrorData | null
  notices: Notice[]
  /** Something to tell the user that is not the statement's own outcome, e.g. a refused cancel. */
  message: string | null
}

/** Rows fetched per request: the engine's batch size, so each page is one stored block sent as is. */
export const pageSize = 1000
/** Pages kept: the window in view and a few either side, so memory stays flat however far one scrolls. */
const keptPages = 20
/** The most rows `query.rows` sends at once (its contract's limit). */
const rowsPerRequest = 50_000

let counter = 0

/**
 * One statement's result as the grid sees it. The engine keeps the rows; this
 * keeps the pages near the window in view and fetches others as the grid asks
 * for them. `version` changes whenever a page arrives, so the grid can redraw.
 */
export class ResultSet {
  readonly queryId = `q${Date.now().toString(36)}-${++counter}`
  version = 0
  private snapshot: ResultSnapshot
  private readonly pages = new Map<number, Cell[][]>()
  private readonly loading = new Set<number>()
  private readonly listeners = new Set<() => void>()
  private readonly finishedWaiters: (() => void)[] = []
  private unsubscribe: (() => void) | undefined
  private closed = false

  constructor(
    private readonly client: SluiceClient,
    readonly connectionId: string,
    readonly sql: string,
    /** Where the statement starts in the editor, to place a server's error position. */
    readonly offset: number,
    /** `record: false` keeps statements Sluice wrote itself (a table's page) out of the history. */
    private readonly options: { record?: boolean } = {},
  ) {
    this.snapshot = {
      status: 'running',
      columns: [],
      rowCount: 0,
      affectedRows: null,
      elapsedMs: null,
      startedAt: Date.now(),
      error: null,
      notices: [],
      message: null,
    }
  }

  start(): this {
    this.unsubscribe = this.client.onEvent((event) => {
      if ('queryId' in event && event.queryId === this.queryId) this.handle(event)
    })
    this.client
      .call('query.run', {
        connectionId: this.connectionId,
        queryId: this.queryId,
        sql: this.sql,
        record: this.options.record,
      })
      .catch((error: unknown) => this.finish({ status: 'error', error: toErrorData(error) }))
    return this
  }

  /** Resolves when the statement has finished, whichever way. */
  finished(): Promise<ResultSnapshot> {
    if (this.snapshot.status !== 'running') return Promise.resolve(this.snapshot)
    return new Promise((resolve) => this.finishedWaiters.push(() => resolve(this.snapshot)))
  }

  async cancel(): Promise<void> {
    if (this.snapshot.status !== 'running') return
    try {
      await this.client.call('query.cancel', { queryId: this.queryId })
    } catch (error) {
      this.update({ message: toErrorData(error).message })
    }
  }

  /** The result is no longer shown; the engine deletes its rows. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.unsubscribe?.()
    this.pages.clear()
    void this.client.call('query.close', { queryId: this.queryId }).catch(() => undefined)
  }

  /** A row if its page is here; otherwise undefined, and `want` fetches it. */
  row(index: number): Cell[] | undefined {
    return this.pages.get(Math.floor(index / pageSize))?.[index % pageSize]
  }

  /** Asks for rows `start` to `end` (exclusive) that are not here yet. */
  want(start: number, end: number): void {
    const last = Math.min(end, this.snapshot.rowCount) - 1
    for (let page = Math.floor(start / pageSize); page * pageSize <= last; page++) {
      const have = this.pages.get(page)
      const available = Math.min(pageSize, this.snapshot.rowCount - page * pageSize)
      if ((have && have.length >= available) || this.loading.has(page)) continue
      void this.load(page)
    }
  }

  /**
   * Rows `start` to `end` (exclusive, clipped to the rows there are), fetched
   * in requests of up to `rowsPerRequest` and kept out of the page cache, so
   * copying a range leaves the pages in view alone.
   */
  async rows(start: number, end: number): Promise<Cell[][]> {
    const last = Math.min(end, this.snapshot.rowCount)
    const rows: Cell[][] = []
    for (let offset = start; offset < last; offset += rowsPerRequest) {
      const { rowsJson } = await this.client.call('query.rows', {
        queryId: this.queryId,
        offset,
        limit: Math.min(rowsPerRequest, last - offset),
      })
      for (const row of JSON.parse(rowsJson) as Cell[][]) rows.push(row)
    }
    return rows
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): ResultSnapshot => this.snapshot

  private async load(page: number): Promise<void> {
    this.loading.add(page)
    try {
      const { rowsJson } = await this.client.call('query.rows', {
        queryId: this.queryId,
        offset: page * pageSize,
        limit: pageSize,
      })
      if (this.closed) return
      const rows = JSON.parse(rowsJson) as Cell[][]
      this.pages.delete(page)
      this.pages.set(page, rows)
      // Map order is insertion order, so the first key is the page fetched longest ago.
      while (this.pages.size > keptPages) this.pages.delete(this.pages.keys().next().value!)
      this.version++
      this.notify()
    } catch (error) {
      if (!this.closed) this.update({ message: toErrorData(error).message })
    } finally {
      this.loading.delete(page)
    }
  }

  private handle(event: QueryEvent): void {
    switch (event.type) {
      case 'query.columns':
        return this.update({ columns: event.columns })
      case 'query.progress':
        return this.update({ rowCount: event.rowCount })
      case 'query.notice':
        return this.update({ notices: [...this.snapshot.notices, event.notice] })
      case 'query.done':
        return this.finish({
          status: 'done',
          rowCount: event.rowCount,
          affectedRows: event.affectedRows,
          elapsedMs: event.elapsedMs,
        })
      case 'query.error':
        return this.finish({
          status: 'error',
          rowCount: event.rowCount,
          error: event.error,
          elapsedMs: event.elapsedMs,
        })
    }
  }

  private finish(change: Partial<ResultSnapshot>): void {
    this.unsubscribe?.()
    this.update(change)
    for (const wake of this.finishedWaiters.splice(0)) wake()
  }

  private update(change: Partial<ResultSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change }
    this.notify()
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}

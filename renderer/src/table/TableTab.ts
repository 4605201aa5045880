import type { ObjectRef } from '../../../shared/contract'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { ColumnFilter, TablePage, TableSort } from '../../../shared/tableContract'
import { GridLayout } from '../grid/GridLayout'
import { nextSort } from '../grid/sortCycle'
import { ResultSet } from '../query/ResultSet'
import { objectKey } from '../schema/treeRows'
import type { ConnectionSession } from '../workspace/ConnectionSession'
import type { SavedTab } from '../workspace/savedWorkspace'
import { Store } from '../workspace/Store'
import { nextTabId, type TabHeader, type WorkspaceTab } from '../workspace/Tab'

type SavedTable = Extract<SavedTab, { kind: 'table' }>

export type TableView = 'data' | 'structure'

export type CountState =
  | { state: 'idle' }
  | { state: 'running'; result: ResultSet }
  | { state: 'done'; rows: number }
  | { state: 'error'; message: string }

export interface TableTabState {
  view: TableView
  sort: readonly TableSort[]
  filters: readonly ColumnFilter[]
  /** The raw condition in force (the box may hold an edited one not yet applied). */
  where: string
  pageSize: number
  /** The page on show, as asked for; null before the first load. */
  page: TablePage | null
  /** The page's rows streaming in; it holds one row more than `pageSize` when there is a next page. */
  result: ResultSet | null
  paging: 'keyset' | 'offset' | null
  anchorColumns: readonly string[]
  /** Where the page sits: counted from the start, or (after Last) from the end until the rows are counted. */
  position: PagePosition | null
  hasPrevious: boolean
  /** Known once the page has loaded: a row beyond `pageSize` came back. */
  hasNext: boolean
  /** The SQL of the page on show, for "open in editor". */
  sql: string | null
  count: CountState
  /** Why the page could not be asked for: a bad filter, an unknown column, a lost connection. */
  error: SluiceErrorData | null
}

export type PagePosition =
  | { from: 'start'; /** 1-based number of the page's first row */ first: number }
  | { from: 'end'; /** rows after the page's last row */ after: number }

export const pageSizes = [100, 500, 1000, 5000] as const

/** Below this many rows (by the estimate), Last counts the rows first, so its rows are numbered. */
const countBeforeLastBelow = 1_000_000

/** The 1-based number of the page's first row, when it is known. */
export function firstRowOf(state: TableTabState): number | null {
  const { position, result, count } = state
  if (!position) return null
  if (position.from === 'start') return position.first
  if (count.state !== 'done' || !result) return null
  const shown = Math.min(result.getSnapshot().rowCount, state.pageSize)
  return Math.max(1, count.rows - position.after - shown + 1)
}

/**
 * A table or view's tab: its rows a page at a time, sorted and filtered by
 * the database (keyset pages on the primary key where there is one, OFFSET
 * otherwise), an exact count on request, and its structure. Whole tables are
 * never read; each page streams through the same path as a query's result.
 */
export class TableTab extends Store<TableTabState> implements WorkspaceTab {
  readonly id = nextTabId('table')
  readonly kind = 'table'
  readonly key: string
  readonly object: ObjectRef
  readonly objectKind: string
  readonly layout: GridLayout
  private cachedHeader: TabHeader
  private request = 0

  constructor(
    readonly session: ConnectionSession,
    saved: SavedTable,
  ) {
    super({
      view: saved.view,
      sort: saved.sort,
      filters: saved.filters,
      where: saved.where,
      pageSize: saved.pageSize,
      page: null,
      result: null,
      paging: null,
      anchorColumns: [],
      position: null,
      hasPrevious: false,
      hasNext: false,
      sql: null,
      count: { state: 'idle' },
      error: null,
    })
    this.object = { schema: saved.object.schema, name: saved.object.name }
    this.objectKind = saved.objectKind
    this.key = `table:${objectKey(this.object)}`
    this.layout = GridLayout.from(saved.layout)
    this.cachedHeader = {
      title: saved.object.name,
      detail: `${saved.objectKind} ${saved.object.schema}.${saved.object.name}`,
    }
  }

  /** Shows data or structure; data is loaded the first time it is shown. */
  setView(view: TableView): void {
    this.update({ view })
    if (view === 'data' && !this.state.page) void this.load({ kind: 'first' })
  }

  /** Loads the first page if none was loaded yet (or the connection was not open when it was asked for). */
  ensureLoaded(): void {
    if (this.state.view === 'data' && !this.state.page) void this.load({ kind: 'first' })
  }

  first(): Promise<void> {
    return this.load({ kind: 'first' })
  }

  /** The page after the one shown: keyset from its last row, or the next offset. */
  async next(): Promise<void> {
    const { result, pageSize, paging, page } = this.state
    if (!result || !this.state.hasNext) return
    if (paging === 'offset') return this.load({ kind: 'offset', offset: offsetOf(page) + pageSize })
    const last = (await result.rows(pageSize - 1, pageSize))[0]
    if (last) await this.load({ kind: 'after', anchor: this.anchorOf(last, result) })
  }

  async previous(): Promise<void> {
    const { result, pageSize, paging, page } = this.state
    if (!result || !this.state.hasPrevious) return
    if (paging === 'offset')
      return this.load({ kind: 'offset', offset: Math.max(0, offsetOf(page) - pageSize) })
    const firstRow = (await result.rows(0, 1))[0]
    if (firstRow) await this.load({ kind: 'before', anchor: this.anchorOf(firstRow, result) })
  }

  /**
   * The last page: the sort reversed on keyset paging (after counting the
   * rows, when the table is small enough for the count to be quick, so they
   * are numbered); under OFFSET, after counting the rows.
   */
  async last(): Promise<void> {
    if (this.state.paging !== 'offset') {
      const estimate = this.estimate()
      if (this.state.count.state !== 'done' && estimate !== null && estimate < countBeforeLastBelow)
        await this.countRows()
      return this.load({ kind: 'last' })
    }
    const rows = this.state.count.state === 'done' ? this.state.count.rows : await this.countRows()
    if (rows !== null)
      await this.load({ kind: 'offset', offset: Math.max(0, rows - this.state.pageSize) })
  }

  /** Loads the page on show again: after an edit elsewhere, or to see new rows. */
  refresh(): Promise<void> {
    return this.load(this.state.page ?? { kind: 'first' })
  }

  /** A header click: cycles that column's direction; `additive` (Shift) keeps the other columns. */
  sortBy(column: string, additive: boolean): Promise<void> {
    this.update({ sort: nextSort(this.state.sort, column, additive), count: this.state.count })
    return this.load({ kind: 'first' })
  }

  /** Back to the table as it is: no sort, no filters (after a sorted column was dropped, say). */
  reset(): Promise<void> {
    this.update({ sort: [], filters: [], where: '', count: { state: 'idle' } })
    return this.load({ kind: 'first' })
  }

  /** A whole sort at once (the column menu's choices); the first page of it. */
  setSort(sort: TableSort[]): Promise<void> {
    this.update({ sort })
    return this.load({ kind: 'first' })
  }

  /** New conditions and raw WHERE; the rows and their count start over. */
  filter(filters: ColumnFilter[], where: string): Promise<void> {
    this.update({ filters, where, count: { state: 'idle' } })
    return this.load({ kind: 'first' })
  }

  setPageSize(pageSize: number): Promise<void> {
    this.update({ pageSize })
    return this.load({ kind: 'first' })
  }

  /** Counts the rows the filters select, exactly; the count can be cancelled. */
  async countRows(): Promise<number | null> {
    const connectionId = this.session.connectionId
    if (!connectionId) return null
    const compiled = await this.compile(connectionId, { kind: 'first' })
    if (!compiled) return null
    this.cancelCount()
    const result = new ResultSet(this.session.client, connectionId, compiled.countSql, 0, {
      record: false,
    }).start()
    this.update({ count: { state: 'running', result } })
    const outcome = await result.finished()
    if (this.state.count.state !== 'running' || this.state.count.result !== result) return null
    const cell = outcome.status === 'done' ? (await result.rows(0, 1))[0]?.[0] : undefined
    result.close()
    if (cell === undefined || cell === null) {
      this.update({
        count: { state: 'error', message: outcome.error?.message ?? 'The count returned nothing' },
      })
      return null
    }
    const rows = Number(cell)
    this.update({ count: { state: 'done', rows } })
    return rows
  }

  cancelCount(): void {
    const { count } = this.state
    if (count.state !== 'running') return
    void count.result.cancel()
    count.result.close()
    this.update({ count: { state: 'idle' } })
  }

  /** Stops the page that is loading. */
  cancel(): void {
    void this.state.result?.cancel()
  }

  header(): TabHeader {
    return this.cachedHeader
  }

  subscribeHeader = (listener: () => void): (() => void) => this.subscribe(listener)

  onChange(listener: () => void): () => void {
    const state = this.subscribe(listener)
    const layout = this.layout.subscribe(listener)
    return () => {
      state()
      layout()
    }
  }

  save(): SavedTable {
    return {
      kind: 'table',
      object: this.object,
      objectKind: this.objectKind,
      view: this.state.view,
      sort: [...this.state.sort],
      filters: [...this.state.filters],
      where: this.state.where,
      pageSize: this.state.pageSize,
      layout: this.layout.toJSON(),
    }
  }

  dispose(): void {
    this.request++
    this.cancelCount()
    this.state.result?.close()
  }

  private async load(page: TablePage): Promise<void> {
    const connectionId = this.session.connectionId
    const request = ++this.request
    if (!connectionId) {
      this.update({ error: { code: 'UNREACHABLE', message: 'Not connected: reconnect first' } })
      return
    }
    const compiled = await this.compile(connectionId, page)
    if (!compiled || request !== this.request) return
    if (compiled.paging === 'offset' && (page.kind === 'after' || page.kind === 'before'))
      return this.load({ kind: 'first' })
    const result = new ResultSet(this.session.client, connectionId, compiled.sql, 0, {
      record: false,
    }).start()
    const was = this.state.position
    const wasShown = Math.min(this.state.result?.getSnapshot().rowCount ?? 0, this.state.pageSize)
    this.state.result?.close()
    const { pageSize } = this.state
    this.update({
      page,
      result,
      sql: compiled.sql,
      paging: compiled.paging,
      anchorColumns: compiled.anchorColumns,
      error: null,
    })
    const outcome = await result.finished()
    if (request !== this.request) return
    const rows = outcome.rowCount
    // Fewer rows than a page before the one shown means the start was reached: show a full first page.
    if (page.kind === 'before' && outcome.status === 'done' && rows < pageSize)
      return this.load({ kind: 'first' })
    this.update(this.placed(page, rows, pageSize, was, wasShown))
  }

  /**
   * Where a loaded page sits, from where the page before it sat (`was`, with
   * `wasShown` rows), and whether there are pages either side.
   */
  private placed(
    page: TablePage,
    rows: number,
    pageSize: number,
    was: PagePosition | null,
    wasShown: number,
  ): Partial<TableTabState> {
    const shown = Math.min(rows, pageSize)
    switch (page.kind) {
      case 'first':
        return {
          position: { from: 'start', first: 1 },
          hasPrevious: false,
          hasNext: rows > pageSize,
        }
      case 'offset':
        return {
          position: { from: 'start', first: page.offset + 1 },
          hasPrevious: page.offset > 0,
          hasNext: rows > pageSize,
        }
      case 'after':
        return {
          position:
            was?.from === 'end'
              ? { from: 'end', after: Math.max(0, was.after - shown) }
              : { from: 'start', first: (was?.first ?? 1) + wasShown },
          hasPrevious: true,
          hasNext: rows > pageSize,
        }
      case 'before':
        return {
          position:
            was?.from === 'end'
              ? { from: 'end', after: was.after + wasShown }
              : { from: 'start', first: Math.max(1, (was?.first ?? 1) - shown) },
          hasPrevious: true,
          hasNext: true,
        }
      case 'last':
        return {
          position: { from: 'end', after: 0 },
          hasPrevious: rows >= pageSize,
          hasNext: false,
        }
    }
  }

  private estimate(): number | null {
    const listed = this.session.schema
      .getSnapshot()
      .schema?.objects.find((o) => o.schema === this.object.schema && o.name === this.object.name)
    const filtered = this.state.filters.length > 0 || this.state.where.trim() !== ''
    return filtered ? null : (listed?.rowEstimate ?? null)
  }

  private async compile(connectionId: string, page: TablePage) {
    try {
      return await this.session.client.call('table.query', {
        connectionId,
        object: this.object,
        sort: [...this.state.sort],
        filters: [...this.state.filters],
        where: this.state.where,
        page,
        limit: this.state.pageSize,
      })
    } catch (error) {
      // The rows of the page before are not this request's answer: they go with its error.
      this.state.result?.close()
      this.update({ error: toErrorData(error), result: null, position: null, sql: null })
      return null
    }
  }

  private anchorOf(row: readonly unknown[], result: ResultSet) {
    const names = result.getSnapshot().columns.map((c) => c.name)
    return this.state.anchorColumns.map((column) => row[names.indexOf(column)] ?? null) as never
  }
}

function offsetOf(page: TablePage | null): number {
  return page?.kind === 'offset' ? page.offset : 0
}

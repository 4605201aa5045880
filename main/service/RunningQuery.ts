import type { Cell } from '../../shared/cells'
import type { ColumnInfo, SluiceEvent } from '../../shared/contract'
import { SluiceError, toErrorData } from '../../shared/errors'
import type { DialectConnection } from '../dialects/types'
import { ResultSpill } from '../results/ResultSpill'

const exportBatch = 1000

/** How often the client hears the row count grow while a result streams in. */
const progressEveryMs = 100

/** A cancelled statement is its own outcome, not a failure: the user stopped it. */
export type QueryOutcome = 'running' | 'done' | 'error' | 'cancelled'

/**
 * One statement's result for one client. The loop reads from the database as
 * fast as it delivers and appends every batch to a spill file; the client
 * hears the count grow and reads the windows it shows. Nothing waits for the
 * screen, and memory holds a batch at a time whatever the result's size.
 */
export class RunningQuery {
  outcome: QueryOutcome = 'running'
  columns: ColumnInfo[] = []
  elapsedMs = 0
  /** Rows an INSERT, UPDATE or DELETE changed; null for a statement that returns rows, or one that did not finish. */
  affectedRows: number | null = null
  private stopped = false
  private disposeWhenFinished = false
  private readonly spill: ResultSpill

  constructor(
    readonly queryId: string,
    readonly connection: DialectConnection,
    spillPath: string,
    private readonly emit: (event: SluiceEvent) => void,
  ) {
    this.spill = new ResultSpill(spillPath)
  }

  get rowCount(): number {
    return this.spill.rowCount
  }

  async run(sql: string, batchSize: number): Promise<void> {
    const started = performance.now()
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10
    let lastProgress = 0
    try {
      for await (const event of this.connection.stream(sql, { batchSize })) {
        if (this.stopped) throw new SluiceError({ code: 'CANCELLED', message: 'Query cancelled' })
        if (event.kind === 'columns' || event.kind === 'columnTypes') {
          // Types named more exactly after the statement finished reach the client as a second query.columns, which replaces the first.
          this.columns = event.columns
          this.emit({ type: 'query.columns', queryId: this.queryId, columns: event.columns })
        } else if (event.kind === 'rows') {
          const first = this.spill.rowCount === 0
          this.spill.append(event.json, event.count)
          const now = performance.now()
          if (first || now - lastProgress >= progressEveryMs) {
            lastProgress = now
            this.emit({ type: 'query.progress', queryId: this.queryId, rowCount: this.rowCount })
          }
        } else if (event.kind === 'notice') {
          this.emit({ type: 'query.notice', queryId: this.queryId, notice: event.notice })
        } else this.affectedRows = event.affectedRows
      }
    } catch (error) {
      const data = toErrorData(spillError(error))
      this.finish(data.code === 'CANCELLED' ? 'cancelled' : 'error', elapsed())
      this.emit({
        type: 'query.error',
        queryId: this.queryId,
        error: data,
        rowCount: this.rowCount,
        elapsedMs: this.elapsedMs,
      })
      return
    }
    // Only now has the dialect closed its cursor, so the connection is free for the next statement.
    this.finish('done', elapsed())
    this.emit({
      type: 'query.done',
      queryId: this.queryId,
      rowCount: this.rowCount,
      affectedRows: this.affectedRows,
      elapsedMs: this.elapsedMs,
    })
  }

  rowsJson(offset: number, limit: number): string {
    return this.spill.readJson(offset, limit)
  }

  /** The whole result in order, a block at a time, for an export. */
  async *allRows(): AsyncGenerator<{ columns: ColumnInfo[] } | { rows: Cell[][] }> {
    yield { columns: this.columns }
    for (let offset = 0; offset < this.rowCount; offset += exportBatch)
      yield { rows: this.spill.read(offset, exportBatch) }
  }

  async cancel(): Promise<boolean> {
    if (this.outcome !== 'running') return false
    // Marked only once the dialect agrees: a refused cancel (a SQLite write) runs on, and its outcome must stand.
    const cancelled = await this.connection.cancel()
    if (cancelled) this.stopped = true
    return cancelled
  }

  /** Stops the statement if it still runs and deletes the rows. */
  async dispose(): Promise<void> {
    await this.cancel().catch(() => undefined)
    if (this.outcome !== 'running') this.spill.close()
    else this.disposeWhenFinished = true
  }

  private finish(outcome: QueryOutcome, elapsedMs: number): void {
    this.outcome = outcome
    this.elapsedMs = elapsedMs
    if (this.disposeWhenFinished) this.spill.close()
  }
}

/** A full disk is the likely way a spill write fails; say so instead of a bare errno. */
function spillError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code
  if (code === 'ENOSPC')
    return new SluiceError({
      code: 'INTERNAL',
      message: 'The disk holding query results is full; the result was cut short',
    })
  return error
}

import type { SluiceEvent } from '../../shared/contract'
import { SluiceError } from '../../shared/errors'
import type { DialectConnection } from '../dialects/types'
import { toErrorData } from './toErrorData'

/** Row batches a client may have unacknowledged before the engine stops reading from the database. */
export const creditWindow = 8

/**
 * One statement in flight for one client. Batches go out as events and the
 * client acknowledges each; when it falls `creditWindow` batches behind, the
 * loop stops pulling from the cursor, so the database holds the rest and
 * memory stays flat however large the result.
 */
export class RunningQuery {
  private sent = 0
  private acked = 0
  private stopped = false
  private wake: (() => void) | undefined

  constructor(
    readonly queryId: string,
    private readonly connection: DialectConnection,
    private readonly emit: (event: SluiceEvent) => void,
  ) {}

  async run(sql: string, batchSize: number): Promise<void> {
    const started = performance.now()
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10
    let rowCount = 0
    let affectedRows: number | null = null
    try {
      for await (const event of this.connection.stream(sql, { batchSize })) {
        if (event.kind === 'columns') {
          this.emit({ type: 'query.columns', queryId: this.queryId, columns: event.columns })
        } else if (event.kind === 'rows') {
          await this.creditAvailable()
          if (this.stopped) throw new SluiceError({ code: 'CANCELLED', message: 'Query cancelled' })
          rowCount += event.rows.length
          this.emit({
            type: 'query.rows',
            queryId: this.queryId,
            seq: this.sent++,
            rows: event.rows,
          })
        } else affectedRows = event.affectedRows
      }
    } catch (error) {
      this.emit({
        type: 'query.error',
        queryId: this.queryId,
        error: toErrorData(error),
        elapsedMs: elapsed(),
      })
      return
    }
    // Only now has the dialect closed its cursor, so the connection is free for the next statement.
    this.emit({
      type: 'query.done',
      queryId: this.queryId,
      rowCount,
      affectedRows,
      elapsedMs: elapsed(),
    })
  }

  ack(seq: number): void {
    this.acked = Math.max(this.acked, seq + 1)
    this.notify()
  }

  async cancel(): Promise<boolean> {
    this.stopped = true
    this.notify()
    return this.connection.cancel()
  }

  private async creditAvailable(): Promise<void> {
    while (!this.stopped && this.sent - this.acked >= creditWindow) {
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  private notify(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}

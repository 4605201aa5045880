import type { DialectName } from '../../shared/connectionUrl'
import type { SluiceEvent } from '../../shared/contract'
import { SluiceService, type CallContext } from '../service/SluiceService'
import { testDataDir } from './testDataDir'
import { createTestDatabase, type TestDatabase } from './testDatabases'

export type Recorder = CallContext & {
  events: SluiceEvent[]
  /** The first event of this type for this query, export or migration run, waiting for it if need be. */
  next(type: SluiceEvent['type'], id: string): Promise<SluiceEvent>
}

/** A client that keeps every event the service sends it. */
export function recorder(): Recorder {
  const events: SluiceEvent[] = []
  const waiters: (() => void)[] = []
  const idOf = (e: SluiceEvent) =>
    'queryId' in e ? e.queryId : 'exportId' in e ? e.exportId : e.runId
  return {
    events,
    emit(event) {
      events.push(event)
      for (const wake of waiters.splice(0)) wake()
    },
    async next(type, id) {
      for (;;) {
        const found = events.find((e) => e.type === type && idOf(e) === id)
        if (found) return found
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    },
  }
}

export interface Harness {
  db: TestDatabase
  service: SluiceService
  connectionId: string
  context: Recorder
  /** Calls a method and returns its result, throwing its error record as an Error. */
  call(method: string, input: unknown): Promise<unknown>
  /** Rows of a result, read back from the engine's spill. */
  rows(queryId: string, offset: number, limit: number): Promise<unknown[][]>
  /** Runs one statement to its end: its `query.done` or `query.error` event. */
  run(queryId: string, sql: string): Promise<SluiceEvent>
  close(): Promise<void>
}

/** A fresh database of the dialect, a service with its own data folder, and a connection to it. */
export async function openHarness(dialect: DialectName): Promise<Harness> {
  const db = await createTestDatabase(dialect)
  const service = new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() })
  const context = recorder()
  const call = async (method: string, input: unknown) => {
    const result = await service.dispatch(method, input, context)
    if (!result.ok) throw Object.assign(new Error(result.error.message), { data: result.error })
    return result.result
  }
  const { connectionId } = (await call('connection.open', { url: db.url })) as {
    connectionId: string
  }
  const finished = (queryId: string) =>
    Promise.race([context.next('query.done', queryId), context.next('query.error', queryId)])
  return {
    db,
    service,
    connectionId,
    context,
    call,
    async rows(queryId, offset, limit) {
      const { rowsJson } = (await call('query.rows', { queryId, offset, limit })) as {
        rowsJson: string
      }
      return JSON.parse(rowsJson) as unknown[][]
    },
    async run(queryId, sql) {
      await call('query.run', { connectionId, queryId, sql })
      return finished(queryId)
    },
    async close() {
      await service.close()
      await db.drop()
    },
  }
}

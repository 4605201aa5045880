import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { redactUrl } from '../../shared/connectionUrl'
import {
  isMethodName,
  methods,
  type CallResult,
  type MethodName,
  type MethodOutput,
  type Methods,
  type SluiceEvent,
} from '../../shared/contract'
import { SluiceError } from '../../shared/errors'
import { connectUrl, dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { RunningQuery } from './RunningQuery'
import { toErrorData } from './toErrorData'

/** Who is calling: where that caller's events go. One per window (IPC) or per socket (web mode). */
export interface CallContext {
  emit(event: SluiceEvent): void
}

export interface ServiceOptions {
  version: string
  startUrl: string | null
}

type Handlers = {
  [M in MethodName]: (
    input: z.output<Methods[M]['input']>,
    context: CallContext,
  ) => Promise<MethodOutput<M>>
}

const defaultBatchSize = 1000

/**
 * The engine behind the contract. Both transports hand it raw, untrusted
 * input; it validates every call against the contract and answers with a
 * result or an error record, never a throw.
 */
export class SluiceService {
  private readonly connections = new Map<string, DialectConnection>()
  /** Every result a client still shows, running or finished, until it closes it. */
  private readonly queries = new Map<string, { query: RunningQuery; context: CallContext }>()
  private readonly spillDir = mkdtempSync(join(tmpdir(), 'sluice-results-'))
  private spills = 0

  constructor(private readonly options: ServiceOptions) {}

  async dispatch(method: string, input: unknown, context: CallContext): Promise<CallResult> {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'BAD_REQUEST', message: `Unknown method "${method.slice(0, 100)}"` },
      }
    }
    const parsed = methods[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`,
        },
      }
    }
    try {
      const handler = this.handlers[method] as (
        input: unknown,
        context: CallContext,
      ) => Promise<unknown>
      return { ok: true, result: await handler(parsed.data, context) }
    } catch (error) {
      return { ok: false, error: toErrorData(error) }
    }
  }

  /** A window closed or a socket dropped: stop whatever it was running and drop its results. */
  async release(context: CallContext): Promise<void> {
    const mine = [...this.queries.values()].filter((q) => q.context === context)
    for (const { query } of mine) this.queries.delete(query.queryId)
    await Promise.allSettled(mine.map((q) => q.query.dispose()))
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queries.values()].map((q) => q.query.dispose()))
    this.queries.clear()
    await Promise.allSettled([...this.connections.values()].map((c) => c.close()))
    this.connections.clear()
    rmSync(this.spillDir, { recursive: true, force: true })
  }

  private readonly handlers: Handlers = {
    'app.info': async () => ({ version: this.options.version, startUrl: this.options.startUrl }),

    'connection.test': async ({ url }) => {
      const connection = await connectUrl(url)
      await connection.close()
      return { dialect: connection.dialect, serverVersion: connection.serverVersion }
    },

    'connection.open': async ({ url }) => {
      const connection = await connectUrl(url)
      const connectionId = randomUUID()
      this.connections.set(connectionId, connection)
      return {
        connectionId,
        dialect: connection.dialect,
        title: redactUrl(url),
        serverVersion: connection.serverVersion,
      }
    },

    'connection.close': async ({ connectionId }) => {
      const connection = this.connection(connectionId)
      this.connections.delete(connectionId)
      await connection.close()
      return {}
    },

    'schema.objects': async ({ connectionId }) => this.connection(connectionId).listObjects(),

    'schema.describe': async ({ connectionId, object }) => {
      const connection = this.connection(connectionId)
      const model = await connection.introspect(object)
      const found = model.namespaces.some((ns) => ns.tables.length > 0 || ns.views.length > 0)
      if (!found)
        throw new SluiceError({
          code: 'NOT_FOUND',
          message: `No table or view "${object.name}" in "${object.schema}"; it may have been dropped`,
        })
      const ddl = dialects[connection.dialect]
        .generateDdl(model)
        .map((statement) => `${statement};`)
        .join('\n\n')
      return { model, ddl }
    },

    'query.run': async ({ connectionId, queryId, sql, batchSize }, context) => {
      const connection = this.connection(connectionId)
      if (this.queries.has(queryId))
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message: `Query id "${queryId}" is already running`,
        })
      const spillPath = join(this.spillDir, `${++this.spills}.json`)
      const query = new RunningQuery(queryId, connection, spillPath, (event) => context.emit(event))
      this.queries.set(queryId, { query, context })
      void query.run(sql, batchSize ?? defaultBatchSize)
      return {}
    },

    'query.rows': async ({ queryId, offset, limit }) => ({
      rows: this.result(queryId).rows(offset, limit),
    }),

    'query.close': async ({ queryId }) => {
      const query = this.queries.get(queryId)?.query
      this.queries.delete(queryId)
      await query?.dispose()
      return {}
    },

    'query.cancel': async ({ queryId }) => {
      const query = this.queries.get(queryId)?.query
      return { cancelled: query ? await query.cancel() : false }
    },
  }

  private result(queryId: string): RunningQuery {
    const query = this.queries.get(queryId)?.query
    if (!query)
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: 'That result was closed; run the query again',
      })
    return query
  }

  private connection(connectionId: string): DialectConnection {
    const connection = this.connections.get(connectionId)
    if (!connection)
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: 'That connection is closed; connect again',
      })
    return connection
  }
}

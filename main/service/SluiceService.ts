import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { redactUrl } from '../../shared/connectionUrl'
import {
  isMethodName,
  methods,
  type CallResult,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Methods,
  type SluiceEvent,
} from '../../shared/contract'
import { SluiceError, toErrorData } from '../../shared/errors'
import type { DialectName } from '../../shared/connectionUrl'
import { exactName, qualifiedName, quoteIdentifier } from '../../shared/sql/quote'
import { collectRows } from '../dialects/collectRows'
import { connectUrl, dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { formatter } from '../../shared/export/formats'
import { writeExport, type ExportSource } from '../export/writeExport'
import { HistoryStore } from '../history/HistoryStore'
import { Comparisons } from '../diff/Comparisons'
import { JsonQueries } from '../json/JsonQueries'
import { MigrationRuns } from '../migrate/MigrationRuns'
import { objectDefinition } from '../objects/objectDefinition'
import { objectStatement } from '../objects/objectStatement'
import { SavedQueries } from '../savedQueries/savedQueries'
import { TableQueries } from '../table/TableQueries'
import { RunningQuery } from './RunningQuery'

/** Who is calling: where that caller's events go. One per window (IPC) or per socket (web mode). */
export interface CallContext {
  emit(event: SluiceEvent): void
}

export interface ServiceOptions {
  version: string
  startUrl: string | null
  /** Sluice's own files: the query history database and saved queries. */
  dataDir: string
  /**
   * How long a connection outlives the window or page that opened it, in
   * milliseconds, waiting for a reloaded page to adopt it; 30 s by default.
   */
  orphanGraceMs?: number
}

interface OpenConnection {
  connection: DialectConnection
  /** Kept in the engine only: migration runs open their own session with it. */
  url: string
  /** The URL without its password: what history and the title bar show. */
  title: string
  /** The window or page that uses it; null while it waits to be adopted after a reload. */
  owner: CallContext | null
  /** Closes it if no page adopts it in time. */
  orphanTimer?: ReturnType<typeof setTimeout>
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
  private readonly connections = new Map<string, OpenConnection>()
  private readonly exports = new Map<string, AbortController>()
  private history: Promise<HistoryStore> | undefined
  private readonly savedQueries: SavedQueries
  private readonly migrations: MigrationRuns
  private readonly comparisons = new Comparisons((connectionId) => this.open(connectionId))
  private readonly json = new JsonQueries((connectionId) => this.connection(connectionId))
  private readonly tables = new TableQueries((connectionId) => this.connection(connectionId))
  /** Every result a client still shows, running or finished, until it closes it. */
  private readonly queries = new Map<string, { query: RunningQuery; context: CallContext }>()
  private readonly spillDir = mkdtempSync(join(tmpdir(), 'sluice-results-'))
  private spills = 0

  constructor(private readonly options: ServiceOptions) {
    this.savedQueries = new SavedQueries(join(options.dataDir, 'queries'))
    this.migrations = new MigrationRuns(join(options.dataDir, 'migrations.json'))
  }

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
    // A reload is a new page: it adopts its connections again, without their passwords, within the grace period.
    for (const [connectionId, open] of this.connections)
      if (open.owner === context) {
        open.owner = null
        open.orphanTimer = setTimeout(
          () => void this.closeConnection(connectionId).catch(() => undefined),
          this.options.orphanGraceMs ?? 30_000,
        )
      }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queries.values()].map((q) => q.query.dispose()))
    this.queries.clear()
    for (const controller of this.exports.values()) controller.abort()
    this.migrations.cancelAll()
    for (const open of this.connections.values()) clearTimeout(open.orphanTimer)
    await Promise.allSettled([...this.connections.values()].map((c) => c.connection.close()))
    this.connections.clear()
    await this.history?.then((store) => store.close()).catch(() => undefined)
    rmSync(this.spillDir, { recursive: true, force: true })
  }

  private readonly handlers: Handlers = {
    'app.info': async () => ({
      version: this.options.version,
      startUrl: this.options.startUrl,
      exportDir: defaultExportDir(this.options.dataDir),
    }),

    'connection.test': async ({ url }) => {
      const connection = await connectUrl(url)
      await connection.close()
      return { dialect: connection.dialect, serverVersion: connection.serverVersion }
    },

    'connection.open': async ({ url }, context) => {
      const connection = await connectUrl(url)
      const connectionId = randomUUID()
      const open: OpenConnection = { connection, url, title: redactUrl(url), owner: context }
      this.connections.set(connectionId, open)
      return connectionInfo(connectionId, open)
    },

    'connection.adopt': async ({ connectionId }, context) => {
      const open = this.open(connectionId)
      // A page still open keeps its own: a second window showing the same workspace opens its own sessions.
      if (open.owner !== null && open.owner !== context)
        throw new SluiceError({
          code: 'BUSY',
          message: 'That connection belongs to a window that is still open',
        })
      clearTimeout(open.orphanTimer)
      open.owner = context
      return connectionInfo(connectionId, open)
    },

    'connection.close': async ({ connectionId }) => {
      this.open(connectionId)
      await this.closeConnection(connectionId)
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

    'schema.others': async ({ connectionId }) => ({
      objects: await this.connection(connectionId).listOthers(),
    }),
    'schema.definition': async ({ connectionId, object }) => ({
      ddl: await objectDefinition(this.connection(connectionId), object),
    }),
    'schema.statement': async ({ connectionId, object, action }) =>
      objectStatement(this.connection(connectionId), object, action),

    'query.run': async ({ connectionId, queryId, sql, batchSize, record }, context) => {
      const connection = this.connection(connectionId)
      if (this.queries.has(queryId))
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message: `Query id "${queryId}" is already running`,
        })
      const spillPath = join(this.spillDir, `${++this.spills}.json`)
      const query = new RunningQuery(queryId, connection, spillPath, (event) => context.emit(event))
      this.queries.set(queryId, { query, context })
      const startedAt = new Date().toISOString()
      void query.run(sql, batchSize ?? defaultBatchSize).then(() => {
        if (record === false) return
        this.record({
          sql,
          connection: this.connections.get(connectionId)?.title ?? '',
          dialect: connection.dialect,
          startedAt,
          elapsedMs: query.elapsedMs,
          rowCount: query.rowCount,
          affectedRows: query.affectedRows,
          outcome: query.outcome === 'running' ? 'error' : query.outcome,
        })
      })
      return {}
    },

    'query.rows': async ({ queryId, offset, limit }) => ({
      rowsJson: this.result(queryId).rowsJson(offset, limit),
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

    'json.columns': async ({ connectionId, object }) => ({
      columns: await this.json.columns(connectionId, object),
    }),
    'json.shape': async ({ connectionId, object, column, sampleSize, refresh }) => ({
      shape: await this.json.shape(connectionId, object, column, { sampleSize, refresh }),
    }),
    'json.filter': async ({ connectionId, object, column, where }) =>
      this.json.filter(connectionId, object, column, where),
    'json.advise': async ({ connectionId, object, column, where }) => ({
      advice: await this.json.advise(connectionId, object, column, where),
    }),
    'json.stageEdit': async ({ connectionId, object, column, key, text }) => ({
      sql: await this.json.stageEdit(connectionId, object, column, key, text),
    }),
    'table.query': async (input) => this.tables.query(input),

    'query.explain': async ({ connectionId, sql, analyze }) => {
      const connection = this.connection(connectionId)
      const run = (statement: string) => collectRows(connection, statement)
      return { plan: await dialects[connection.dialect].explainPlan(run, sql, analyze) }
    },

    'export.start': async ({ exportId, source, format, path, overwrite }, context) => {
      if (this.exports.has(exportId))
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message: `Export "${exportId}" is already running`,
        })
      const { rows, insertTarget } = this.exportSource(source)
      const controller = new AbortController()
      this.exports.set(exportId, controller)
      let lastProgress = 0
      void writeExport({
        source: rows,
        formatter: formatter(format, insertTarget),
        path,
        overwrite,
        signal: controller.signal,
        onProgress: ({ rows, bytes }) => {
          const now = performance.now()
          if (now - lastProgress < 100) return
          lastProgress = now
          context.emit({ type: 'export.progress', exportId, rows, bytes })
        },
      })
        .then(({ rows, bytes }) =>
          context.emit({ type: 'export.done', exportId, rows, bytes, path }),
        )
        .catch((error: unknown) =>
          context.emit({ type: 'export.error', exportId, error: toErrorData(error) }),
        )
        .finally(() => this.exports.delete(exportId))
      return {}
    },

    'export.cancel': async ({ exportId }) => {
      const controller = this.exports.get(exportId)
      controller?.abort()
      return { cancelled: controller !== undefined }
    },

    'history.search': async ({ text, limit }) => ({
      entries: await (await this.historyStore()).search(text, limit),
    }),

    'migrations.settings': async ({ connectionId }) =>
      this.migrations.settings(this.open(connectionId).title),
    'migrations.remember': async ({ connectionId, dir, production }) => {
      this.migrations.remember(this.open(connectionId).title, { dir, production })
      return {}
    },
    'migrations.status': async ({ connectionId, dir }) =>
      this.migrations.status(this.open(connectionId).url, dir),
    'migrations.run': async (input, context) => {
      this.migrations.start(this.open(input.connectionId).url, input, (e) => context.emit(e))
      return {}
    },
    'migrations.preview': async ({ connectionId, dir, runId }) =>
      this.migrations.preview(this.open(connectionId).url, dir, runId),
    'migrations.cancel': async ({ runId }) => ({ cancelled: this.migrations.cancel(runId) }),

    'compare.load': async ({ compareId, from, to }) => this.comparisons.load(compareId, from, to),
    'compare.plan': async ({ compareId, renames, backfills }) =>
      this.comparisons.plan(compareId, { renames, backfills }),
    'compare.save': async ({ compareId, dir, name, renames, backfills }) =>
      this.comparisons.save(compareId, dir, name, { renames, backfills }),
    'compare.preview': async ({ compareId, previewId, renames, backfills }) =>
      this.migrations.tracked(previewId, (signal) =>
        this.comparisons.preview(compareId, { renames, backfills }, signal),
      ),
    'compare.close': async ({ compareId }) => {
      this.comparisons.close(compareId)
      return {}
    },

    'savedQueries.list': async () => ({ queries: await this.savedQueries.list() }),
    'savedQueries.read': async ({ name }) => ({ text: await this.savedQueries.read(name) }),
    'savedQueries.write': async ({ name, text }) => {
      await this.savedQueries.write(name, text)
      return {}
    },
  }

  /** A finished result is read back from its spill; a table is read through a cursor as the file is written. */
  private exportSource(source: MethodInput<'export.start'>['source']): {
    rows: ExportSource
    insertTarget: { dialect: DialectName; table: string }
  } {
    if (source.kind === 'result') {
      const query = this.result(source.queryId)
      if (query.outcome === 'running')
        throw new SluiceError({
          code: 'BUSY',
          message: 'The query is still running: wait for it to finish, or cancel it, then export',
        })
      return {
        rows: query.allRows(),
        insertTarget: {
          dialect: query.connection.dialect,
          table: quoteIdentifier(query.connection.dialect, 'result'),
        },
      }
    }
    const connection = this.connection(source.connectionId)
    const { schema, name } = source.object
    return {
      rows: tableRows(connection, `SELECT * FROM ${exactName(connection.dialect, schema, name)}`),
      // The INSERTs are for another database too, where the default schema is not spelled out.
      insertTarget: {
        dialect: connection.dialect,
        table: qualifiedName(connection.dialect, schema, name),
      },
    }
  }

  private historyStore(): Promise<HistoryStore> {
    this.history ??= HistoryStore.open(join(this.options.dataDir, 'history.sqlite'))
    return this.history
  }

  /** History is a convenience: failing to record must never fail the query itself. */
  private record(entry: Parameters<HistoryStore['add']>[0]): void {
    void this.historyStore()
      .then((store) => store.add(entry))
      .catch(() => undefined)
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

  /** Stops its queries, forgets what was cached for it, and ends its session. */
  private async closeConnection(connectionId: string): Promise<void> {
    const open = this.connections.get(connectionId)
    if (!open) return
    clearTimeout(open.orphanTimer)
    for (const { query } of [...this.queries.values()])
      if (query.connection === open.connection) {
        this.queries.delete(query.queryId)
        await query.dispose()
      }
    this.connections.delete(connectionId)
    this.json.forget(connectionId)
    await open.connection.close()
  }

  private connection(connectionId: string): DialectConnection {
    return this.open(connectionId).connection
  }

  private open(connectionId: string): OpenConnection {
    const open = this.connections.get(connectionId)
    if (!open)
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: 'That connection is closed; connect again',
      })
    return open
  }
}

function connectionInfo(connectionId: string, open: OpenConnection) {
  return {
    connectionId,
    dialect: open.connection.dialect,
    title: open.title,
    serverVersion: open.connection.serverVersion,
  }
}

async function* tableRows(connection: DialectConnection, sql: string): ExportSource {
  for await (const event of connection.stream(sql, { batchSize: 1000 })) {
    if (event.kind === 'columns') yield { columns: event.columns }
    else if (event.kind === 'rows') yield { rows: event.rows }
  }
}

/** The user's Downloads folder where there is one, as browsers do; else Sluice's own folder. */
function defaultExportDir(dataDir: string): string {
  const downloads = join(homedir(), 'Downloads')
  return existsSync(downloads) ? downloads : join(dataDir, 'exports')
}

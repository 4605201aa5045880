import { z } from 'zod'
import { sluiceErrorSchema } from './errors'
import { compareMethods } from './compareContract'
import { jsonMethods } from './jsonContract'
import { migrationEventSchemas, migrationMethods } from './migrationsContract'
import { schemaMethods } from './schemaContract'
import { tableMethods } from './tableContract'
import type { PlanNode } from './plan'
import type { DatabaseSchema } from './schema/model'

/**
 * The one API between the renderer and the engine. Each method has an input
 * and an output schema; the engine validates every input at the boundary,
 * whichever transport (Electron IPC or web mode) carried it. A query's rows do
 * not travel as they arrive: the engine spills them to a file and reports how
 * many it has (`query.progress`); the grid asks for the window in view
 * (`query.rows`). So neither process holds a result in memory, whatever its
 * size, and a slow screen never slows the database.
 */

const id = z.string().min(1).max(200)

export const dialectNameSchema = z.enum(['sqlite', 'postgres', 'mysql'])

/** A PostgreSQL notice or a MySQL warning raised by a statement. */
export const noticeSchema = z.object({ level: z.string(), message: z.string() })
export type Notice = z.infer<typeof noticeSchema>

export const columnInfoSchema = z.object({ name: z.string(), type: z.string() })
export type ColumnInfo = z.infer<typeof columnInfoSchema>

import { objectRefSchema } from './objectRef'
export { objectRefSchema, type ObjectRef } from './objectRef'

/** A line of the schema browser, read before any table's details. */
export const schemaObjectSchema = objectRefSchema.extend({
  kind: z.enum(['table', 'view']),
  /** From the database's statistics, never a COUNT(*); null when it keeps none. */
  rowEstimate: z.number().nullable(),
})
export type SchemaObject = z.infer<typeof schemaObjectSchema>

/** Every namespace, empty ones too, and every table and view: names only, cheap at 10,000 tables. */
export const schemaObjectsSchema = z.object({
  namespaces: z.array(z.string()),
  objects: z.array(schemaObjectSchema),
})
export type SchemaObjects = z.infer<typeof schemaObjectsSchema>

export const historyEntrySchema = z.object({
  id: z.number(),
  sql: z.string(),
  /** The connection's title, its password left out. */
  connection: z.string(),
  dialect: dialectNameSchema,
  startedAt: z.string(),
  elapsedMs: z.number(),
  /** Rows the statement returned (read before a failure or cancel); 0 for one that returns none. */
  rowCount: z.number(),
  /**
   * Rows an INSERT, UPDATE or DELETE changed, as the database counts them;
   * null for a statement that returns rows, one that did not finish, or an
   * entry recorded before this was kept.
   */
  affectedRows: z.number().nullable(),
  /** `cancelled`: the user stopped it, which is not a failure. */
  outcome: z.enum(['done', 'error', 'cancelled']),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

export const exportFormatSchema = z.enum(['csv', 'json', 'ndjson', 'sql'])

const savedQueryName = z.string().min(1).max(100)

const connectionInfoSchema = z.object({
  connectionId: id,
  dialect: dialectNameSchema,
  title: z.string(),
  serverVersion: z.string(),
})
export type ConnectionInfo = z.infer<typeof connectionInfoSchema>

const empty = z.object({}).strict()

export const methods = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      /** The URL the app opens on start: the bundled demo database unless told otherwise. */
      startUrl: z.string().nullable(),
      /** Where an export goes unless the user names another folder. */
      exportDir: z.string(),
    }),
  },
  'connection.test': {
    input: z.object({ url: z.string().min(1).max(4096) }).strict(),
    output: z.object({ dialect: dialectNameSchema, serverVersion: z.string() }),
  },
  'connection.open': {
    input: z.object({ url: z.string().min(1).max(4096) }).strict(),
    output: connectionInfoSchema,
  },
  /**
   * A reloaded page takes back a connection its earlier page opened, without
   * asking for the password again. The engine keeps a page's connections for
   * a grace period after the page goes; NOT_FOUND once it has closed them,
   * BUSY while the page that has it is still open (a second window).
   */
  'connection.adopt': {
    input: z.object({ connectionId: id }).strict(),
    output: connectionInfoSchema,
  },
  'connection.close': {
    input: z.object({ connectionId: id }).strict(),
    output: empty,
  },
  'schema.objects': {
    input: z.object({ connectionId: id }).strict(),
    output: schemaObjectsSchema,
  },
  /** One table or view in full, with the DDL that creates it. */
  'schema.describe': {
    input: z.object({ connectionId: id, object: objectRefSchema.strict() }).strict(),
    output: z.object({
      // Produced by the engine's own introspector, never by a caller, so it is typed, not re-validated.
      model: z.custom<DatabaseSchema>(),
      ddl: z.string(),
    }),
  },
  'query.run': {
    input: z
      .object({
        connectionId: id,
        /** Chosen by the caller so it can listen for the query's events before they start. */
        queryId: id,
        sql: z.string().min(1).max(50_000_000),
        batchSize: z.number().int().min(1).max(50_000).optional(),
        /** False for statements Sluice wrote itself (a table tab's page, a count): kept out of the history. */
        record: z.boolean().optional(),
      })
      .strict(),
    output: empty,
  },
  /**
   * Rows `offset` to `offset + limit` of a result, from its spill file; fewer
   * at the end. They come as JSON text (an array of rows of cells): a window
   * that matches the spill's blocks is sent as stored, never parsed and
   * re-encoded by the engine.
   */
  'query.rows': {
    input: z
      .object({
        queryId: id,
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(50_000),
      })
      .strict(),
    output: z.object({ rowsJson: z.string() }),
  },
  /** The result is no longer shown: its file is deleted. Cancels it first if it still runs. */
  'query.close': {
    input: z.object({ queryId: id }).strict(),
    output: empty,
  },
  /** The plan of one statement as a tree. `analyze` runs it (PostgreSQL only, rolled back). */
  'query.explain': {
    input: z
      .object({ connectionId: id, sql: z.string().min(1).max(1_000_000), analyze: z.boolean() })
      .strict(),
    output: z.object({ plan: z.custom<PlanNode>() }),
  },
  /** Writes a finished result, or a whole table, to a file; progress and the outcome come as events. */
  'export.start': {
    input: z
      .object({
        exportId: id,
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('result'), queryId: id }).strict(),
          z
            .object({
              kind: z.literal('table'),
              connectionId: id,
              object: objectRefSchema.strict(),
            })
            .strict(),
        ]),
        format: exportFormatSchema,
        path: z.string().min(1).max(4096),
        overwrite: z.boolean(),
      })
      .strict(),
    output: empty,
  },
  'export.cancel': {
    input: z.object({ exportId: id }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'history.search': {
    input: z
      .object({ text: z.string().max(1000), limit: z.number().int().min(1).max(1000) })
      .strict(),
    output: z.object({ entries: z.array(historyEntrySchema) }),
  },
  'savedQueries.list': {
    input: empty,
    output: z.object({ queries: z.array(z.object({ name: z.string(), modifiedAt: z.string() })) }),
  },
  'savedQueries.read': {
    input: z.object({ name: savedQueryName }).strict(),
    output: z.object({ text: z.string() }),
  },
  'savedQueries.write': {
    input: z.object({ name: savedQueryName, text: z.string().max(50_000_000) }).strict(),
    output: empty,
  },
  'query.cancel': {
    input: z.object({ queryId: id }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  ...migrationMethods,
  ...compareMethods,
  ...jsonMethods,
  ...schemaMethods,
  ...tableMethods,
} as const

export type Methods = typeof methods
export type MethodName = keyof Methods
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>

export const methodNames = Object.keys(methods) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name)
}

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('query.columns'), queryId: id, columns: z.array(columnInfoSchema) }),
  /** Rows read so far; sent at once for the first batch, then at most every 100 ms. */
  z.object({
    type: z.literal('query.progress'),
    queryId: id,
    rowCount: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('query.notice'), queryId: id, notice: noticeSchema }),
  z.object({
    type: z.literal('query.done'),
    queryId: id,
    rowCount: z.number().int().nonnegative(),
    affectedRows: z.number().int().nullable(),
    elapsedMs: z.number(),
  }),
  z.object({
    type: z.literal('query.error'),
    queryId: id,
    /** Rows read before the failure or cancel; they stay readable. */
    rowCount: z.number().int().nonnegative(),
    error: sluiceErrorSchema,
    elapsedMs: z.number(),
  }),
  z.object({
    type: z.literal('export.progress'),
    exportId: id,
    rows: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('export.done'),
    exportId: id,
    rows: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    path: z.string(),
  }),
  z.object({ type: z.literal('export.error'), exportId: id, error: sluiceErrorSchema }),
  ...migrationEventSchemas,
])
export type SluiceEvent = z.infer<typeof eventSchema>
export type QueryEvent = Extract<SluiceEvent, { queryId: string }>

export const callResultSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: sluiceErrorSchema }),
])
export type CallResult =
  { ok: true; result: unknown } | { ok: false; error: z.infer<typeof sluiceErrorSchema> }

/** Names shared by the preload bridge and the main-process IPC handlers. */
export const ipcChannels = {
  call: (method: MethodName) => `sluice:${method}`,
  event: 'sluice:event',
} as const

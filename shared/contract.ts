import { z } from 'zod'
import { cellSchema } from './cells'
import { sluiceErrorSchema } from './errors'

/**
 * The one API between the renderer and the engine. Each method has an input
 * and an output schema; the engine validates every input at the boundary,
 * whichever transport (Electron IPC or web mode) carried it. Query results do
 * not come back as outputs: they stream as events, in batches, with credit
 * based flow control (`query.ack`) so a slow consumer slows the producer
 * instead of filling memory.
 */

const id = z.string().min(1).max(200)

export const dialectNameSchema = z.enum(['sqlite', 'postgres', 'mysql'])

export const columnInfoSchema = z.object({ name: z.string(), type: z.string() })
export type ColumnInfo = z.infer<typeof columnInfoSchema>

export const tableColumnSchema = z.object({
  name: z.string(),
  type: z.string(),
  nullable: z.boolean(),
  primaryKey: z.boolean(),
})

export const tableSummarySchema = z.object({
  schema: z.string(),
  name: z.string(),
  kind: z.enum(['table', 'view']),
  columns: z.array(tableColumnSchema),
})
export type TableSummary = z.infer<typeof tableSummarySchema>

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
  'connection.close': {
    input: z.object({ connectionId: id }).strict(),
    output: empty,
  },
  'schema.tables': {
    input: z.object({ connectionId: id }).strict(),
    output: z.object({ tables: z.array(tableSummarySchema) }),
  },
  'query.run': {
    input: z
      .object({
        connectionId: id,
        /** Chosen by the caller so it can listen for the query's events before they start. */
        queryId: id,
        sql: z.string().min(1).max(50_000_000),
        batchSize: z.number().int().min(1).max(50_000).optional(),
      })
      .strict(),
    output: empty,
  },
  'query.ack': {
    input: z.object({ queryId: id, seq: z.number().int().nonnegative() }).strict(),
    output: empty,
  },
  'query.cancel': {
    input: z.object({ queryId: id }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
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
  z.object({
    type: z.literal('query.rows'),
    queryId: id,
    seq: z.number().int().nonnegative(),
    rows: z.array(z.array(cellSchema)),
  }),
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
    error: sluiceErrorSchema,
    elapsedMs: z.number(),
  }),
])
export type SluiceEvent = z.infer<typeof eventSchema>

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

import { z } from 'zod'
import type { PreviewReport } from './preview'
import { sluiceErrorSchema } from './errors'
import { versionPattern } from './migrationVersion'

/** The migrations panel's part of the contract: status of a folder, runs with live progress, and the remembered folder. */

const id = z.string().min(1).max(200)
const version = z.string().regex(versionPattern, 'a version is digits')
const dir = z.string().min(1).max(4096)

export const migrationStateSchema = z.enum([
  'applied',
  'pending',
  'modified',
  'missing',
  'failed',
  'out_of_order',
])

export const migrationEntrySchema = z.object({
  version: z.string(),
  name: z.string(),
  status: migrationStateSchema,
  /** The file relative to the folder; null when it is missing. */
  path: z.string().nullable(),
  /** The up section as it would run. */
  sql: z.string().nullable(),
  /** The down section; null when the file has none (or is missing). */
  downSql: z.string().nullable(),
  checksum: z.string().nullable(),
  /** The checksum recorded when it ran; differs from `checksum` when modified. */
  appliedChecksum: z.string().nullable(),
  appliedAt: z.string().nullable(),
  appliedBy: z.string().nullable(),
  executionMs: z.number().nullable(),
  statementsApplied: z.number().nullable(),
  statementsTotal: z.number().nullable(),
  error: z.string().nullable(),
  failedStatement: z.string().nullable(),
  hasDown: z.boolean(),
})
export type MigrationEntry = z.infer<typeof migrationEntrySchema>

export const migrationRunActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('up'), to: version.optional() }).strict(),
  z.object({ kind: z.literal('down'), steps: z.number().int().min(1).max(10_000) }).strict(),
  z
    .object({
      kind: z.literal('resolve'),
      version,
      choice: z.enum(['retry', 'applied', 'rolled-back']),
    })
    .strict(),
])
export type MigrationRunAction = z.infer<typeof migrationRunActionSchema>

export const migrationMethods = {
  /** The folder chosen for this connection, and whether it is tagged production; remembered across runs. */
  'migrations.settings': {
    input: z.object({ connectionId: id }).strict(),
    output: z.object({ dir: z.string().nullable(), production: z.boolean() }),
  },
  'migrations.remember': {
    input: z.object({ connectionId: id, dir: dir.nullable(), production: z.boolean() }).strict(),
    output: z.object({}).strict(),
  },
  'migrations.status': {
    input: z.object({ connectionId: id, dir }).strict(),
    output: z.object({
      format: z.string(),
      historyTable: z.string(),
      migrations: z.array(migrationEntrySchema),
      django: z
        .array(
          z.object({
            app: z.string(),
            migrations: z.array(z.object({ name: z.string(), applied: z.string() })),
          }),
        )
        .nullable(),
    }),
  },
  /** Starts a run; progress and the outcome come as events. */
  'migrations.run': {
    input: z
      .object({ connectionId: id, runId: id, dir, action: migrationRunActionSchema })
      .strict(),
    output: z.object({}).strict(),
  },
  /**
   * Previews the pending migrations on a shadow (never the database itself):
   * statements with their time, the schema after, findings with counts and
   * example rows, and a verdict each. `runId` lets `migrations.cancel` stop it.
   */
  'migrations.preview': {
    input: z.object({ connectionId: id, runId: id, dir }).strict(),
    output: z.custom<PreviewReport>(),
  },
  /** Stops a run or a preview between statements: a transactional migration is rolled back. */
  'migrations.cancel': {
    input: z.object({ runId: id }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const

export const migrationEventSchemas = [
  z.object({
    type: z.literal('migrations.progress'),
    runId: id,
    version: z.string(),
    name: z.string(),
    /** Which migration of the run, and which statement of it. */
    migration: z.number().int(),
    migrations: z.number().int(),
    statement: z.number().int(),
    statements: z.number().int(),
  }),
  z.object({ type: z.literal('migrations.done'), runId: id, versions: z.array(z.string()) }),
  z.object({
    type: z.literal('migrations.error'),
    runId: id,
    error: sluiceErrorSchema,
    /** The migration that failed, when one did. */
    version: z.string().nullable(),
  }),
] as const

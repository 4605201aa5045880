import { z } from 'zod'
import type { PreviewReport } from './preview'
import type { Rename, SchemaChange } from './schema/SchemaChange'

/** The compare view's part of the contract: two schemas loaded once, planned as often as the user answers, saved as a migration. */

const id = z.string().min(1).max(200)
const path = z.string().min(1).max(4096)
const name = z.string().min(1).max(1000)

export const compareSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('connection'), connectionId: id }).strict(),
  z.object({ kind: z.literal('sqlFile'), path }).strict(),
  z.object({ kind: z.literal('folder'), path }).strict(),
  z.object({ kind: z.literal('snapshot'), path }).strict(),
])
export type CompareSource = z.infer<typeof compareSourceSchema>

export const renameSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), namespace: name, from: name, to: name }).strict(),
  z
    .object({ kind: z.literal('column'), namespace: name, table: name, from: name, to: name })
    .strict(),
])

export const backfillSchema = z
  .object({ namespace: name, table: name, column: name, value: z.string().min(1).max(10_000) })
  .strict()

const choices = {
  renames: z.array(renameSchema).max(10_000),
  backfills: z.array(backfillSchema).max(10_000),
}

export const compareMethods = {
  /** Loads both sides (files on a scratch database) and keeps them under `compareId`. */
  'compare.load': {
    input: z.object({ compareId: id, from: compareSourceSchema, to: compareSourceSchema }).strict(),
    output: z.object({
      dialect: z.enum(['sqlite', 'postgres', 'mysql']),
      fromDdl: z.string(),
      toDdl: z.string(),
    }),
  },
  /** The changes and the migration text for the renames and values chosen so far. */
  'compare.plan': {
    input: z.object({ compareId: id, ...choices }).strict(),
    output: z.object({
      // Produced by the engine's own diff, never by a caller, so typed, not re-validated.
      changes: z.custom<SchemaChange[]>(),
      renameCandidates: z.custom<Rename[]>(),
      migration: z.string(),
    }),
  },
  /** Writes the migration as the folder's next file; refused while a column still needs a value. */
  'compare.save': {
    input: z.object({ compareId: id, dir: path, name, ...choices }).strict(),
    output: z.object({ path: z.string() }),
  },
  /** Runs the migration as planned so far on a shadow of the From connection: findings, counts, verdict. */
  'compare.preview': {
    input: z.object({ compareId: id, previewId: id, ...choices }).strict(),
    output: z.custom<PreviewReport>(),
  },
  /** Forgets a comparison; one still loading stops, its running statement too, and drops its scratch database. */
  'compare.close': {
    input: z.object({ compareId: id }).strict(),
    output: z.object({}).strict(),
  },
} as const

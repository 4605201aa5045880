import { z } from 'zod'
import { compareSourceSchema } from '../../../shared/compareContract'
import { objectRefSchema } from '../../../shared/objectRef'
import { otherObjectKindSchema } from '../../../shared/schemaContract'
import { columnFilterSchema, tableSortSchema } from '../../../shared/tableContract'

/**
 * What a reload or a restart brings back: the open connections (URLs without
 * their passwords), each one's tabs with their state and unsaved editor text,
 * and the layout. It is read back from storage the user's disk holds, so it
 * is validated like any other input; a version that does not parse starts a
 * fresh workspace rather than a broken one.
 */

const gridLayoutSchema = z
  .object({
    widths: z.record(z.string(), z.number()),
    order: z.array(z.string()).nullable(),
    hidden: z.array(z.string()),
  })
  .partial()

const compareSideSchema = z.object({
  kind: z.enum(compareSourceSchema.options.map((o) => o.shape.kind.value)),
  path: z.string(),
})

export const savedTabSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('query'),
    title: z.string(),
    savedName: z.string().nullable(),
    text: z.string(),
    dirty: z.boolean(),
  }),
  z.object({
    kind: z.literal('table'),
    object: objectRefSchema,
    objectKind: z.string(),
    view: z.enum(['data', 'structure']),
    sort: z.array(tableSortSchema),
    filters: z.array(columnFilterSchema),
    where: z.string(),
    pageSize: z.number().int().positive(),
    layout: gridLayoutSchema.optional(),
  }),
  z.object({
    kind: z.literal('definition'),
    object: objectRefSchema.extend({ kind: otherObjectKindSchema, identity: z.string() }),
  }),
  z.object({
    kind: z.literal('json'),
    object: objectRefSchema,
    column: z.string().nullable(),
    where: z.string(),
  }),
  z.object({ kind: z.literal('migrations') }),
  z.object({ kind: z.literal('compare'), from: compareSideSchema, to: compareSideSchema }),
])
export type SavedTab = z.infer<typeof savedTabSchema>

export const savedSessionSchema = z.object({
  /** The URL without its password. */
  url: z.string(),
  /** The engine's id for the connection, so a reloaded page takes back the one still open. */
  connectionId: z.string().nullable(),
  tabs: z.array(savedTabSchema),
  activeTab: z.number().int().nonnegative().nullable(),
})
export type SavedSession = z.infer<typeof savedSessionSchema>

export const savedWorkspaceSchema = z.object({
  version: z.literal(1),
  sessions: z.array(savedSessionSchema),
  activeSession: z.number().int().nonnegative().nullable(),
})
export type SavedWorkspace = z.infer<typeof savedWorkspaceSchema>

/** Parses stored text; null when there is none or it is not a workspace this version reads. */
export function parseSavedWorkspace(text: string | null): SavedWorkspace | null {
  if (!text) return null
  try {
    const parsed = savedWorkspaceSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

import { z } from 'zod'

/**
 * The schema tree's objects beyond tables and views: listed lazily apart from
 * `schema.objects`, so the table listing stays one cheap read; their DDL; and
 * the statements the tree's context menu offers on any object.
 */

const id = z.string().min(1).max(200)
const name = z.string().min(1).max(1000)

export const otherObjectKindSchema = z.enum([
  'sequence',
  'type',
  'domain',
  'function',
  'procedure',
  'trigger',
  'event',
])
export type OtherObjectKind = z.infer<typeof otherObjectKindSchema>

/** Names one object of the tree unambiguously, for its DDL or a statement on it. */
export const otherObjectRefSchema = z.object({
  /** PostgreSQL schema, MySQL database, or SQLite's `main`. */
  schema: name,
  name,
  kind: otherObjectKindSchema,
  /**
   * What else tells it apart, as `schema.others` gave it; opaque to the UI.
   * PostgreSQL: a function's or procedure's argument list (overloads share
   * a name); any dialect: a trigger's table. Empty where nothing else is needed.
   */
  identity: z.string().max(100_000),
})
export type OtherObjectRef = z.infer<typeof otherObjectRefSchema>

export const otherObjectSchema = otherObjectRefSchema.extend({
  /**
   * One line for the tree: `(a integer, b text) → integer`, an enum's values,
   * `BEFORE UPDATE ON blog_article`, an event's schedule, a sequence's type.
   */
  detail: z.string(),
})
export type OtherObject = z.infer<typeof otherObjectSchema>

export const objectActionSchema = z.enum([
  'select',
  'insert',
  'update',
  'delete',
  'truncate',
  'drop',
])
export type ObjectAction = z.infer<typeof objectActionSchema>

/** A line of the tree passed back whole: what is only shown (detail, row estimate) is ignored. */
const shown = {
  detail: z.string().max(100_000).optional(),
  rowEstimate: z.number().nullable().optional(),
}

/** A table or view as `schema.objects` lists it, or any object `schema.others` lists. */
export const statementTargetSchema = z.object({
  schema: name,
  name,
  kind: z.enum(['table', 'view', ...otherObjectKindSchema.options]),
  identity: z.string().max(100_000).optional(),
  ...shown,
})
export type StatementTarget = z.infer<typeof statementTargetSchema>

export const schemaMethods = {
  /** Sequences, types, domains, functions, procedures, triggers and events; system objects left out. */
  'schema.others': {
    input: z.object({ connectionId: id }).strict(),
    output: z.object({ objects: z.array(otherObjectSchema) }),
  },
  /** The object's DDL, as the server prints it where it can; NOT_FOUND once it is gone. */
  'schema.definition': {
    input: z
      .object({ connectionId: id, object: otherObjectRefSchema.extend(shown).strict() })
      .strict(),
    output: z.object({ ddl: z.string() }),
  },
  /**
   * A statement on the object for the editor, not run: templates over a
   * table's columns, or TRUNCATE / DROP. `destructive` says the UI should
   * confirm, naming the object, before it runs.
   */
  'schema.statement': {
    input: z
      .object({
        connectionId: id,
        object: statementTargetSchema.strict(),
        action: objectActionSchema,
      })
      .strict(),
    output: z.object({ sql: z.string(), destructive: z.boolean() }),
  },
} as const

import { z } from 'zod'

/** Names one table or view: what the lazy schema browser asks the engine to describe. */
export const objectRefSchema = z.object({
  /** PostgreSQL schema, MySQL database, or SQLite's `main`. */
  schema: z.string().min(1).max(1000),
  name: z.string().min(1).max(1000),
})
export type ObjectRef = z.infer<typeof objectRefSchema>

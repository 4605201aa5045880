import type { DatabaseSchema } from '../../shared/schema/model'

/**
 * A MySQL database's own name is its namespace's, so two copies of one
 * schema differ only in it; this names the copy like the original to compare them.
 */
export function renamedNamespace(schema: DatabaseSchema, to: string): DatabaseSchema {
  const from = schema.namespaces[0]?.name ?? to
  return JSON.parse(
    JSON.stringify(schema).replaceAll(JSON.stringify(from), JSON.stringify(to)),
  ) as DatabaseSchema
}

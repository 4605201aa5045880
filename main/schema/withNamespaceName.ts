import type { DatabaseSchema } from '../../shared/schema/model'

/**
 * A MySQL database's own name is its namespace's, so two copies of one
 * schema differ only in it: this names a single-namespace model's namespace
 * `name`, references to it included, so the two compare like for like.
 */
export function withNamespaceName(schema: DatabaseSchema, name: string): DatabaseSchema {
  const only = schema.namespaces[0]
  if (schema.namespaces.length !== 1 || !only || only.name === name) return schema
  return {
    ...schema,
    namespaces: [
      {
        ...only,
        name,
        tables: only.tables.map((table) => ({
          ...table,
          foreignKeys: table.foreignKeys.map((fk) =>
            fk.referencedNamespace === only.name ? { ...fk, referencedNamespace: name } : fk,
          ),
        })),
      },
    ],
  }
}

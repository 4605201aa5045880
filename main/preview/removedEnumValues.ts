import type { SchemaChange } from '../../shared/schema/SchemaChange'
import type { DatabaseSchema } from '../../shared/schema/model'

export interface RemovedEnumValues {
  namespace: string
  table: string
  column: string
  values: string[]
}

/**
 * Enum values a migration takes away, per column using them: a PostgreSQL
 * type dropped and created again under its name with fewer values, or a
 * MySQL column whose `enum(…)` list shrinks.
 */
export function removedEnumValues(
  changes: SchemaChange[],
  before: DatabaseSchema,
): RemovedEnumValues[] {
  const found: RemovedEnumValues[] = []
  for (const change of changes) {
    if (change.kind === 'dropEnum') {
      const again = changes.find(
        (c) =>
          c.kind === 'createEnum' &&
          c.namespace === change.namespace &&
          c.enum.name === change.enum.name,
      )
      const kept = again?.kind === 'createEnum' ? again.enum.values : []
      const values = change.enum.values.filter((v) => !kept.includes(v))
      if (values.length === 0) continue
      for (const ns of before.namespaces)
        for (const table of ns.tables)
          for (const column of table.columns)
            if (namesEnum(column.type, change.namespace, change.enum.name))
              found.push({ namespace: ns.name, table: table.name, column: column.name, values })
    }
    if (change.kind === 'alterColumn') {
      const from = mysqlEnumValues(change.from.type)
      const to = mysqlEnumValues(change.to.type)
      if (!from || !to) continue
      const values = from.filter((v) => !to.includes(v))
      if (values.length > 0)
        found.push({
          namespace: change.namespace,
          table: change.table,
          column: change.to.name,
          values,
        })
    }
  }
  return found
}

function namesEnum(type: string, namespace: string, name: string): boolean {
  const bare = type.replaceAll('"', '')
  return bare === name || bare === `${namespace}.${name}`
}

/** The labels of MySQL's `enum('a','b')`, quotes doubled inside. */
function mysqlEnumValues(type: string): string[] | null {
  const match = /^enum\s*\((.*)\)$/is.exec(type.trim())
  if (!match) return null
  return [...match[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'"))
}

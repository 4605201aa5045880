import type { Safety, SchemaChangeBody } from '../../shared/schema/SchemaChange'
import type { Column } from '../../shared/schema/model'
import { typeNarrowing } from './typeNarrowing'

/** What a change does to rows already there, and why when it is not safe. */
export function classifyChange(change: SchemaChangeBody): {
  safety: Safety
  reason: string | null
} {
  switch (change.kind) {
    case 'dropTable':
      return destructive(`drops table ${change.table} and every row in it`)
    case 'dropColumn':
      return destructive(`drops column ${change.table}.${change.column.name} and its values`)
    case 'addColumn':
      return needsValueToAdd(change.column)
        ? needsValue(`existing rows of ${change.table} need a value for ${change.column.name}`)
        : safe
    case 'alterColumn': {
      if (becomesNotNull(change.from, change.to))
        return needsValue(
          `${change.table}.${change.to.name} becomes NOT NULL; rows holding NULL need a value`,
        )
      const narrowing = typeNarrowing(change.from.type, change.to.type)
      return narrowing ? destructive(`${change.table}.${change.to.name}: ${narrowing}`) : safe
    }
    case 'dropEnum':
      return destructive(`drops type ${change.enum.name}`)
    case 'dropSequence':
      return destructive(`drops sequence ${change.sequence.name} and its current value`)
    case 'dropNamespace':
      return destructive(`drops schema ${change.namespace}`)
    default:
      return safe
  }
}

/** A NOT NULL column with nothing to fill existing rows with: no default, identity or expression. */
export function needsValueToAdd(column: Column): boolean {
  return (
    !column.nullable && column.default === null && column.identity === null && !column.generated
  )
}

export function becomesNotNull(from: Column, to: Column): boolean {
  return from.nullable && !to.nullable && !to.generated
}

const safe = { safety: 'safe' as const, reason: null }
const destructive = (reason: string) => ({ safety: 'destructive' as const, reason })
const needsValue = (reason: string) => ({ safety: 'needsValue' as const, reason })

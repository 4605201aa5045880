import type { Backfill, Rename, SchemaChange, SchemaDiff } from '../../shared/schema/SchemaChange'
import type { Column, DatabaseSchema } from '../../shared/schema/model'
import { dialects } from '../dialects/registry'
import { comparableTarget, diffSchemas, type DiffOptions } from './diffSchemas'
import type { MigrationPlan } from './MigrationPlan'

/** A reviewable migration: the changes, the DDL forward, and the DDL back. */
export interface GeneratedMigration {
  diff: SchemaDiff
  up: MigrationPlan
  down: MigrationPlan
  /** Values the down section puts in columns that return as NOT NULL, which nobody chose. */
  downBackfills: Backfill[]
}

/**
 * Plans `from` → `to` and its reverse. The reverse undoes the confirmed
 * renames; a column it brings back as NOT NULL is filled with its type's
 * zero value, which the file says, since its old values are gone.
 */
export function generateMigration(
  from: DatabaseSchema,
  to: DatabaseSchema,
  options: DiffOptions = {},
): GeneratedMigration {
  const dialect = dialects[from.dialect]
  const target = comparableTarget(from, to)
  const diff = diffSchemas(from, target, options)
  const reverseRenames = (options.renames ?? []).map((r) => reversed(r, options.renames ?? []))
  const firstDown = diffSchemas(target, from, { renames: reverseRenames })
  const downBackfills = firstDown.changes.flatMap(zeroBackfill)
  const down =
    downBackfills.length === 0
      ? firstDown
      : diffSchemas(target, from, { renames: reverseRenames, backfills: downBackfills })
  return {
    diff,
    up: dialect.planChanges(diff.changes, target),
    down: dialect.planChanges(down.changes, from),
    downBackfills,
  }
}

/** A rename undone: a column's table is named as it is after the forward migration. */
function reversed(rename: Rename, all: Rename[]): Rename {
  if (rename.kind === 'table') return { ...rename, from: rename.to, to: rename.from }
  const table =
    all.find(
      (r) => r.kind === 'table' && r.namespace === rename.namespace && r.from === rename.table,
    )?.to ?? rename.table
  return { ...rename, table, from: rename.to, to: rename.from }
}

function zeroBackfill(change: SchemaChange): Backfill[] {
  if (change.safety !== 'needsValue') return []
  const column =
    change.kind === 'addColumn' ? change.column : change.kind === 'alterColumn' ? change.to : null
  if (!column || !('table' in change)) return []
  const value = zeroValue(column)
  return value === null
    ? []
    : [{ namespace: change.namespace, table: change.table, column: column.name, value }]
}

function zeroValue(column: Column): string | null {
  switch (column.normalizedType) {
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'float':
      return '0'
    case 'boolean':
      return 'FALSE'
    case 'text':
    case 'binary':
      return "''"
    case 'json':
      return "'{}'"
    case 'date':
    case 'timestamp':
    case 'timestamptz':
      return "'1970-01-01'"
    case 'time':
      return "'00:00:00'"
    case 'uuid':
      return "'00000000-0000-0000-0000-000000000000'"
    default:
      return null
  }
}

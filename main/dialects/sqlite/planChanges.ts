import type { SchemaChange } from '../../../shared/schema/SchemaChange'
import type { Column, DatabaseSchema, Table } from '../../../shared/schema/model'
import type { MigrationPlan } from '../../diff/MigrationPlan'
import {
  columnDefinition,
  createIndex,
  createTable,
  createView,
  id,
  isLiteralDefault,
} from './generateDdl'
import { rebuildTable, type ColumnSource } from './rebuildTable'

/** Changes ALTER TABLE makes in SQLite; anything else to an existing table rebuilds it. */
const alterable = new Set<SchemaChange['kind']>([
  'renameTable',
  'renameColumn',
  'addIndex',
  'dropIndex',
  'renameIndex',
  'createTrigger',
  'dropTrigger',
  'setTableComment',
])

/**
 * SQLite: renames, indexes, triggers and plain new columns use ALTER TABLE;
 * every other change to a table rebuilds it once, to its target definition,
 * after the renames and before views and triggers are made again.
 */
export function planChanges(changes: SchemaChange[], target: DatabaseSchema): MigrationPlan {
  const created = new Set(changes.flatMap((c) => (c.kind === 'createTable' ? [c.table] : [])))
  const rebuilt = new Set(
    changes.flatMap((c) =>
      'table' in c &&
      c.kind !== 'dropTable' &&
      !created.has(c.table) &&
      !alterable.has(c.kind) &&
      !simpleAdd(c)
        ? [c.table]
        : [],
    ),
  )
  const targetTables = new Map(target.namespaces.flatMap((ns) => ns.tables).map((t) => [t.name, t]))
  const tableOf = (name: string): Table => {
    const table = targetTables.get(name)
    if (!table) throw new Error(`The target schema has no table ${name}`)
    return table
  }
  const now: string[] = []
  const last: string[] = []
  for (const change of changes) {
    if ('table' in change && change.kind !== 'renameTable' && change.kind !== 'renameColumn') {
      // A rebuild makes the whole table, indexes and triggers included; new tables get their foreign keys inline.
      if (rebuilt.has(change.table) && change.kind !== 'dropIndex' && change.kind !== 'dropTrigger')
        continue
      if (created.has(change.table) && change.kind === 'addForeignKey') continue
    }
    const into = change.kind === 'createView' || change.kind === 'createTrigger' ? last : now
    into.push(...statementsFor(change, tableOf))
  }
  const changesOf = new Map<string, SchemaChange[]>()
  for (const c of changes)
    if ('table' in c) changesOf.set(c.table, [...(changesOf.get(c.table) ?? []), c])
  for (const name of rebuilt)
    now.push(...rebuildTable(tableOf(name), sourcesOf(tableOf(name), changesOf.get(name) ?? [])))
  const dropsTables = changes.some((c) => c.kind === 'dropTable')
  return { statements: [...now, ...last], foreignKeysOff: rebuilt.size > 0 || dropsTables }
}

/** A nullable or constant-default column without keys or stored expression: ALTER TABLE ADD COLUMN takes it. */
function simpleAdd(change: SchemaChange): boolean {
  if (change.kind !== 'addColumn' || change.backfill !== null) return false
  const c = change.column
  if (c.generated?.stored) return false
  if (c.default !== null && (!isLiteralDefault(c.default) || /^CURRENT_/i.test(c.default)))
    return false
  return c.nullable || (c.default !== null && c.default.toUpperCase() !== 'NULL')
}

function statementsFor(change: SchemaChange, tableOf: (name: string) => Table): string[] {
  switch (change.kind) {
    case 'createView':
      return [createView(change.view)]
    case 'dropView':
      return [`DROP VIEW ${id(change.view.name)}`]
    case 'createTable': {
      const foreignKeys = tableOf(change.table).foreignKeys
      return [createTable({ ...change.definition, foreignKeys })]
    }
    case 'dropTable':
      return [`DROP TABLE ${id(change.table)}`]
    case 'renameTable':
      return [`ALTER TABLE ${id(change.table)} RENAME TO ${id(change.to)}`]
    case 'renameColumn':
      return [
        `ALTER TABLE ${id(change.table)} RENAME COLUMN ${id(change.from)} TO ${id(change.to)}`,
      ]
    case 'addColumn':
      return [`ALTER TABLE ${id(change.table)} ADD COLUMN ${columnDefinition(change.column)}`]
    case 'addIndex':
      return [createIndex(change.table, change.index)]
    case 'dropIndex':
      return [`DROP INDEX ${id(change.index.name)}`]
    case 'renameIndex': {
      const index = tableOf(change.table).indexes.find((i) => i.name === change.to)!
      return [`DROP INDEX ${id(change.from)}`, createIndex(change.table, index)]
    }
    case 'createTrigger':
      return [change.trigger.definition]
    case 'dropTrigger':
      return [`DROP TRIGGER ${id(change.trigger.name)}`]
    default:
      // SQLite keeps no comments, enums, sequences, routines or schemas.
      return []
  }
}

/** Each target column's value in the copy: the old column, a backfill, or (left out) its default. */
function sourcesOf(table: Table, own: SchemaChange[]): ColumnSource[] {
  const sources: ColumnSource[] = []
  for (const column of table.columns) {
    if (column.generated) continue
    const added = own.find((c) => c.kind === 'addColumn' && c.column.name === column.name)
    if (added?.kind === 'addColumn') {
      if (added.backfill !== null) sources.push({ column: column.name, value: added.backfill })
      continue
    }
    const altered = own.find((c) => c.kind === 'alterColumn' && c.to.name === column.name)
    const fill = altered?.kind === 'alterColumn' ? altered.backfill : null
    sources.push({ column: column.name, value: copied(column, fill) })
  }
  return sources
}

const copied = (column: Column, fill: string | null) =>
  fill === null ? id(column.name) : `coalesce(${id(column.name)}, ${fill})`

import type { Backfill } from '../../shared/schema/SchemaChange'
import type { ForeignKey, Index, Table } from '../../shared/schema/model'
import { becomesNotNull, needsValueToAdd } from './classifyChange'
import { matchByName } from './matchByName'
import type { PhasedChanges } from './PhasedChanges'

export interface TableDiffContext {
  namespace: string
  backfills: Backfill[]
  /** Whether a column's type changes, which forces foreign keys over it to be dropped and re-added. */
  typeChanges(namespace: string, table: string, column: string): boolean
  out: PhasedChanges
  /** SQLite rebuilds a table to change its keys, checks or foreign keys, so views reading it must go first. */
  rebuildsForConstraints: boolean
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const withoutName = <T extends { name: string }>({ name, ...rest }: T) => (void name, rest)

/**
 * The changes that take table `from` (its confirmed renames already applied)
 * to `to`. Returns whether views reading it must be made again: its columns
 * change, or it is rebuilt.
 */
export function diffTable(from: Table, to: Table, context: TableDiffContext): boolean {
  const { out, namespace } = context
  const ref = { namespace, table: to.name }
  const backfill = (column: string) =>
    context.backfills.find(
      (b) => b.namespace === namespace && b.table === to.name && b.column === column,
    )?.value ?? null
  let columnsChange = false

  for (const column of to.columns) {
    const before = from.columns.find((c) => c.name === column.name)
    if (!before) {
      out.add('tables', {
        kind: 'addColumn',
        ...ref,
        column,
        backfill: needsValueToAdd(column) ? backfill(column.name) : null,
      })
      columnsChange = true
    } else if (!same(before, column)) {
      out.add('tables', {
        kind: 'alterColumn',
        ...ref,
        from: before,
        to: column,
        backfill: becomesNotNull(before, column) ? backfill(column.name) : null,
      })
      columnsChange = true
    }
  }
  for (const column of from.columns) {
    if (to.columns.some((c) => c.name === column.name)) continue
    out.add('dropColumns', { kind: 'dropColumn', ...ref, column })
    columnsChange = true
  }

  diffPrimaryKey(from, to, context)

  const uniques = matchByName(from.uniques, to.uniques, (a, b) => same(a.columns, b.columns))
  for (const { from: a, to: b } of uniques.renamed)
    out.add('renames', {
      kind: 'renameConstraint',
      ...ref,
      constraint: 'unique',
      from: a.name,
      to: b.name,
      definition: b,
    })
  for (const unique of uniques.dropped)
    out.add('dropConstraints', { kind: 'dropUnique', ...ref, unique })
  for (const unique of uniques.added)
    out.add('addConstraints', { kind: 'addUnique', ...ref, unique })

  const checks = matchByName(from.checks, to.checks, (a, b) => a.expression === b.expression)
  for (const { from: a, to: b } of checks.renamed)
    out.add('renames', {
      kind: 'renameConstraint',
      ...ref,
      constraint: 'check',
      from: a.name,
      to: b.name,
      definition: b,
    })
  for (const check of checks.dropped)
    out.add('dropConstraints', { kind: 'dropCheck', ...ref, check })
  for (const check of checks.added) out.add('addConstraints', { kind: 'addCheck', ...ref, check })

  const indexes = matchByName(from.indexes, to.indexes, (a: Index, b: Index) =>
    same(withoutName(a), withoutName(b)),
  )
  for (const { from: a, to: b } of indexes.renamed)
    out.add('renames', { kind: 'renameIndex', ...ref, from: a.name, to: b.name })
  for (const index of indexes.dropped)
    out.add('dropConstraints', { kind: 'dropIndex', ...ref, index })
  for (const index of indexes.added) out.add('addConstraints', { kind: 'addIndex', ...ref, index })

  const retyped = (fk: ForeignKey) =>
    fk.columns.some((c) => context.typeChanges(namespace, to.name, c)) ||
    fk.referencedColumns.some((c) =>
      context.typeChanges(fk.referencedNamespace, fk.referencedTable, c),
    )
  const fks = matchByName(
    from.foreignKeys,
    to.foreignKeys.filter((fk) => !retyped(fk)),
    (a, b) => same(withoutName(a), withoutName(b)),
  )
  for (const { from: a, to: b } of fks.renamed)
    out.add('renames', {
      kind: 'renameConstraint',
      ...ref,
      constraint: 'foreignKey',
      from: a.name,
      to: b.name,
      definition: b,
    })
  for (const foreignKey of fks.dropped)
    out.add('dropDependents', { kind: 'dropForeignKey', ...ref, foreignKey })
  for (const foreignKey of [...fks.added, ...to.foreignKeys.filter(retyped)])
    out.add('addForeignKeys', { kind: 'addForeignKey', ...ref, foreignKey })

  if (from.comment !== to.comment)
    out.add('tables', { kind: 'setTableComment', ...ref, comment: to.comment })
  if (!same(from.options, to.options))
    out.add('tables', { kind: 'setTableOptions', ...ref, options: to.options })

  const triggers = matchByName(from.triggers, to.triggers, (a, b) => a.definition === b.definition)
  for (const trigger of [...triggers.dropped, ...triggers.renamed.map((r) => r.from)])
    out.add('dropDependents', { kind: 'dropTrigger', ...ref, trigger })
  for (const trigger of [...triggers.added, ...triggers.renamed.map((r) => r.to)])
    out.add('createDependents', { kind: 'createTrigger', ...ref, trigger })

  const constraintsChange =
    !same(from.primaryKey, to.primaryKey) ||
    !same(from.uniques, to.uniques) ||
    !same(from.checks, to.checks) ||
    !same(from.foreignKeys, to.foreignKeys) ||
    !same(from.options, to.options)
  return columnsChange || (context.rebuildsForConstraints && constraintsChange)
}

function diffPrimaryKey(from: Table, to: Table, { out, namespace }: TableDiffContext): void {
  const a = from.primaryKey
  const b = to.primaryKey
  const ref = { namespace, table: to.name }
  if (same(a, b)) return
  if (a && b && same(a.columns, b.columns)) {
    out.add('renames', {
      kind: 'renameConstraint',
      ...ref,
      constraint: 'primaryKey',
      from: a.name,
      to: b.name,
      definition: b,
    })
    return
  }
  if (a) out.add('dropConstraints', { kind: 'dropPrimaryKey', ...ref, key: a })
  if (b) out.add('addConstraints', { kind: 'setPrimaryKey', ...ref, key: b })
}

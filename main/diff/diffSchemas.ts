import { SluiceError } from '../../shared/errors'
import type { Backfill, Rename, SchemaChange, SchemaDiff } from '../../shared/schema/SchemaChange'
import type { DatabaseSchema, Namespace, Table, View } from '../../shared/schema/model'
import { dialects } from '../dialects/registry'
import { mentions, viewsInDependencyOrder } from '../schema/viewsInDependencyOrder'
import { withNamespaceName } from '../schema/withNamespaceName'
import { applyRenames } from './applyRenames'
import { classifyChange } from './classifyChange'
import { diffTable } from './diffTable'
import { matchByName } from './matchByName'
import { PhasedChanges } from './PhasedChanges'
import { proposeRenames } from './proposeRenames'

export interface DiffOptions {
  /** Renames the user confirmed; any other drop-and-add stays one. */
  renames?: Rename[]
  /** Values for existing rows of columns that become NOT NULL. */
  backfills?: Backfill[]
}

const empty = (name: string): Namespace => ({
  name,
  tables: [],
  views: [],
  sequences: [],
  enums: [],
  routines: [],
})
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The ordered changes that take schema `from` to schema `to`, both models of
 * the same dialect, as plain data with the safety of each. Renames are never
 * guessed: they apply only when confirmed, and are otherwise offered as
 * candidates beside a drop and an add.
 */
export function diffSchemas(
  from: DatabaseSchema,
  to: DatabaseSchema,
  options: DiffOptions = {},
): SchemaDiff {
  if (from.dialect !== to.dialect)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `Cannot compare a ${from.dialect} schema with a ${to.dialect} one; both sides must be the same kind of database`,
    })
  const renames = options.renames ?? []
  const target = comparableTarget(from, to)
  const source = applyRenames(from, renames)
  const out = new PhasedChanges()
  for (const r of renames) {
    if (r.kind === 'table')
      out.add('renames', { kind: 'renameTable', namespace: r.namespace, table: r.from, to: r.to })
  }
  for (const r of renames) {
    if (r.kind !== 'column') continue
    const table =
      renames.find((t) => t.kind === 'table' && t.namespace === r.namespace && t.from === r.table)
        ?.to ?? r.table
    out.add('renames', {
      kind: 'renameColumn',
      namespace: r.namespace,
      table,
      from: r.from,
      to: r.to,
    })
  }

  const retyped = retypedColumns(source, target)
  const changedTables = new Set<string>(renames.map((r) => (r.kind === 'table' ? r.to : r.table)))
  const names = [...new Set([...source.namespaces, ...target.namespaces].map((n) => n.name))]
  for (const name of names) {
    const a = source.namespaces.find((n) => n.name === name)
    const b = target.namespaces.find((n) => n.name === name)
    if (!a) out.add('createTypes', { kind: 'createNamespace', namespace: name })
    diffNamespace(a ?? empty(name), b ?? empty(name), {
      out,
      backfills: options.backfills ?? [],
      retyped,
      changedTables,
      rebuildsForConstraints: !dialects[from.dialect].capabilities.alterConstraints,
    })
    if (!b) out.add('dropTypes', { kind: 'dropNamespace', namespace: name })
  }
  diffViews(source, target, changedTables, out)

  const changes: SchemaChange[] = out.inOrder().map((c) => ({ ...c, ...classifyChange(c) }))
  return { changes, renameCandidates: proposeRenames(changes) }
}

/** Single-namespace dialects name the namespace after the database, which differs between the two sides. */
export function comparableTarget(from: DatabaseSchema, to: DatabaseSchema): DatabaseSchema {
  const only = from.namespaces[0]
  if (dialects[from.dialect].capabilities.schemas || from.namespaces.length !== 1 || !only)
    return to
  return withNamespaceName(to, only.name)
}

function retypedColumns(from: DatabaseSchema, to: DatabaseSchema): Set<string> {
  const keys = new Set<string>()
  for (const ns of to.namespaces) {
    const before = byName(from.namespaces.find((n) => n.name === ns.name)?.tables ?? [])
    for (const table of ns.tables) {
      const old = before.get(table.name)
      if (!old) continue
      const oldColumns = byName(old.columns)
      for (const column of table.columns) {
        const was = oldColumns.get(column.name)
        if (was && was.type !== column.type) keys.add(columnKey(ns.name, table.name, column.name))
      }
    }
  }
  return keys
}

const byName = <T extends { name: string }>(list: T[]) => new Map(list.map((x) => [x.name, x]))

const columnKey = (namespace: string, table: string, column: string) =>
  JSON.stringify([namespace, table, column])

interface NamespaceContext {
  out: PhasedChanges
  backfills: Backfill[]
  retyped: Set<string>
  /** Names of tables whose columns or names change, for the views that read them. */
  changedTables: Set<string>
  rebuildsForConstraints: boolean
}

function diffNamespace(a: Namespace, b: Namespace, context: NamespaceContext): void {
  const { out } = context
  const namespace = b.name
  const oldTables = byName(a.tables)
  const newTables = byName(b.tables)

  for (const e of b.enums) {
    const old = a.enums.find((x) => x.name === e.name)
    if (!old) out.add('createTypes', { kind: 'createEnum', namespace, enum: e })
    else if (same(old.values, e.values)) continue
    else if (same(e.values.slice(0, old.values.length), old.values))
      out.add('createTypes', {
        kind: 'addEnumValues',
        namespace,
        name: e.name,
        values: e.values.slice(old.values.length),
      })
    else {
      out.add('dropTables', { kind: 'dropEnum', namespace, enum: old })
      out.add('createTypes', { kind: 'createEnum', namespace, enum: e })
    }
  }
  for (const e of a.enums)
    if (!b.enums.some((x) => x.name === e.name))
      out.add('dropTypes', { kind: 'dropEnum', namespace, enum: e })

  const sequences = matchByName(a.sequences, b.sequences, same)
  for (const { from, to } of sequences.renamed) {
    out.add('dropTypes', { kind: 'dropSequence', namespace, sequence: from })
    out.add('createTypes', { kind: 'createSequence', namespace, sequence: to })
  }
  for (const sequence of sequences.added)
    out.add('createTypes', { kind: 'createSequence', namespace, sequence })
  for (const sequence of sequences.dropped) {
    // A sequence a dropped table or column owns goes with it.
    const owner = sequence.ownedBy
    if (owner && !newTables.has(owner.slice(0, owner.lastIndexOf('.')))) continue
    out.add('dropTypes', { kind: 'dropSequence', namespace, sequence })
  }

  const routineKey = (r: { name: string; signature: string }) => `${r.name}(${r.signature})`
  for (const routine of b.routines) {
    const old = a.routines.find((r) => routineKey(r) === routineKey(routine))
    if (!old || old.definition !== routine.definition)
      out.add('createTypes', { kind: 'createRoutine', namespace, routine })
  }
  for (const routine of a.routines)
    if (!b.routines.some((r) => routineKey(r) === routineKey(routine)))
      out.add('dropTypes', { kind: 'dropRoutine', namespace, routine })

  for (const table of b.tables) {
    const old = oldTables.get(table.name)
    // Most tables of a large schema are untouched; one serialisation each tells.
    if (old && JSON.stringify(old) === JSON.stringify(table)) continue
    if (old) {
      const changed = diffTable(old, table, {
        namespace,
        backfills: context.backfills,
        typeChanges: (ns, t, c) => context.retyped.has(columnKey(ns, t, c)),
        out,
        rebuildsForConstraints: context.rebuildsForConstraints,
      })
      if (changed) context.changedTables.add(table.name)
      continue
    }
    out.add('tables', {
      kind: 'createTable',
      namespace,
      table: table.name,
      definition: { ...table, foreignKeys: [], indexes: [], triggers: [] },
    })
    const ref = { namespace, table: table.name }
    for (const index of table.indexes)
      out.add('addConstraints', { kind: 'addIndex', ...ref, index })
    for (const foreignKey of table.foreignKeys)
      out.add('addForeignKeys', { kind: 'addForeignKey', ...ref, foreignKey })
    for (const trigger of table.triggers)
      out.add('createDependents', { kind: 'createTrigger', ...ref, trigger })
  }
  for (const table of childrenFirst(
    a.tables.filter((t) => !b.tables.some((x) => x.name === t.name)),
  )) {
    out.add('dropTables', { kind: 'dropTable', namespace, table: table.name, definition: table })
    context.changedTables.add(table.name)
  }
}

/** Tables that reference others are dropped before what they reference. */
function childrenFirst(tables: Table[]): Table[] {
  const left = [...tables]
  const ordered: Table[] = []
  while (left.length > 0) {
    const free = left.findIndex(
      (t) =>
        !left.some(
          (other) => other !== t && other.foreignKeys.some((fk) => fk.referencedTable === t.name),
        ),
    )
    ordered.push(...left.splice(free < 0 ? 0 : free, 1))
  }
  return ordered
}

/**
 * Views are dropped and made again when they change, when a table or view
 * they read changes, or when they go; new ones are made after every table.
 */
function diffViews(
  a: DatabaseSchema,
  b: DatabaseSchema,
  changedTables: Set<string>,
  out: PhasedChanges,
): void {
  const oldViews = viewsInDependencyOrder(a.namespaces)
  const newViews = viewsInDependencyOrder(b.namespaces)
  const key = (ns: string, name: string) => JSON.stringify([ns, name])
  const rebuilt = new Set<string>()
  const rebuiltNames = new Set<string>()
  const readsChanged = (view: View) =>
    [...changedTables, ...rebuiltNames].some((name) => mentions(view.definition, name))
  // In dependency order, so a view reading a rebuilt view is rebuilt too.
  for (const { ns, view } of oldViews) {
    const next = newViews.find((v) => v.ns.name === ns.name && v.view.name === view.name)
    if (!next || !same(next.view, view) || readsChanged(view)) {
      rebuilt.add(key(ns.name, view.name))
      rebuiltNames.add(view.name)
    }
  }
  for (const { ns, view } of [...oldViews].reverse())
    if (rebuilt.has(key(ns.name, view.name)))
      out.add('dropDependents', { kind: 'dropView', namespace: ns.name, view })
  for (const { ns, view } of newViews) {
    const existed = oldViews.some((v) => v.ns.name === ns.name && v.view.name === view.name)
    if (!existed || rebuilt.has(key(ns.name, view.name)))
      out.add('createDependents', { kind: 'createView', namespace: ns.name, view })
  }
}

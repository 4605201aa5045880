import type { ObjectRef, SchemaObject, SchemaObjects } from '../../../shared/contract'
import type { Table, View } from '../../../shared/schema/model'
import { columnType, foreignKeyText, indexText } from './describeText'

/** What the browser knows of one expanded object: its details, or why it has none yet. */
export type Details =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; table: Table | null; view: View | null; ddl: string }

/**
 * One line of the flattened tree. The tree is a flat list so that only the
 * lines in view are rendered, which keeps 10,000 tables as quick as ten.
 */
export type TreeRow =
  | { type: 'namespace'; key: string; level: 1; name: string; expanded: boolean; count: number }
  | { type: 'object'; key: string; level: 2; object: SchemaObject; expanded: boolean }
  | { type: 'group'; key: string; level: 3; label: string }
  | { type: 'item'; key: string; level: 4; label: string; detail: string; primary?: boolean }
  | { type: 'message'; key: string; level: 3; text: string; error?: boolean }

export const objectKey = (o: ObjectRef) => `${o.schema}\0${o.name}`

export interface TreeState {
  schema: SchemaObjects
  filter: string
  collapsedNamespaces: ReadonlySet<string>
  expandedObjects: ReadonlySet<string>
  details: ReadonlyMap<string, Details>
}

export function treeRows(state: TreeState): TreeRow[] {
  const needle = state.filter.trim().toLowerCase()
  const byNamespace = new Map<string, SchemaObject[]>(state.schema.namespaces.map((n) => [n, []]))
  for (const object of state.schema.objects) {
    if (needle && !object.name.toLowerCase().includes(needle)) continue
    const list = byNamespace.get(object.schema)
    if (list) list.push(object)
    else byNamespace.set(object.schema, [object])
  }
  const rows: TreeRow[] = []
  for (const [name, objects] of byNamespace) {
    if (needle && objects.length === 0) continue
    const expanded = !state.collapsedNamespaces.has(name)
    rows.push({
      type: 'namespace',
      key: `ns\0${name}`,
      level: 1,
      name,
      expanded,
      count: objects.length,
    })
    if (!expanded) continue
    for (const object of objects) {
      const key = objectKey(object)
      const open = state.expandedObjects.has(key)
      rows.push({ type: 'object', key: `o\0${key}`, level: 2, object, expanded: open })
      if (open) rows.push(...detailRows(key, state.details.get(key)))
    }
  }
  return rows
}

function detailRows(key: string, details: Details | undefined): TreeRow[] {
  if (!details || details.state === 'loading')
    return [{ type: 'message', key: `m\0${key}`, level: 3, text: 'Loading…' }]
  if (details.state === 'error')
    return [{ type: 'message', key: `m\0${key}`, level: 3, text: details.message, error: true }]
  const rows: TreeRow[] = []
  const group = (label: string, items: { label: string; detail: string; primary?: boolean }[]) => {
    if (items.length === 0) return
    rows.push({ type: 'group', key: `g\0${key}\0${label}`, level: 3, label })
    items.forEach((item, i) =>
      rows.push({ type: 'item', key: `i\0${key}\0${label}\0${i}`, level: 4, ...item }),
    )
  }
  if (details.view) {
    group(
      'Columns',
      details.view.columns.map((c) => ({ label: c, detail: '' })),
    )
    return rows
  }
  const table = details.table
  if (!table) return rows
  const keyColumns = new Set(table.primaryKey?.columns)
  group(
    'Columns',
    table.columns.map((c) => ({
      label: c.name,
      detail: columnType(c),
      primary: keyColumns.has(c.name),
    })),
  )
  group('Indexes', [
    ...table.uniques.map((u) => ({
      label: u.name || '(unnamed)',
      detail: `(${u.columns.join(', ')}) unique`,
    })),
    ...table.indexes.map((i) => ({ label: i.name, detail: indexText(i) })),
  ])
  group(
    'Foreign keys',
    table.foreignKeys.map((fk) => ({
      label: fk.name || fk.columns.join(', '),
      detail: foreignKeyText(fk),
    })),
  )
  group(
    'Triggers',
    table.triggers.map((t) => ({ label: t.name, detail: '' })),
  )
  return rows
}

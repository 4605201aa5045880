import type { ObjectRef, SchemaObject, SchemaObjects } from '../../../shared/contract'
import type { OtherObject, OtherObjectKind } from '../../../shared/schemaContract'
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
  | {
      type: 'folder'
      key: string
      level: 2
      namespace: string
      kind: OtherObjectKind
      count: number
      expanded: boolean
    }
  | { type: 'other'; key: string; level: 3; object: OtherObject }
  | { type: 'group'; key: string; level: 3; label: string }
  | { type: 'item'; key: string; level: 4; label: string; detail: string; primary?: boolean }
  | { type: 'message'; key: string; level: 3; text: string; error?: boolean }

export const objectKey = (o: ObjectRef) => `${o.schema}\0${o.name}`
export const folderKey = (namespace: string, kind: OtherObjectKind) => `${namespace}\0${kind}`

/** How the tree names each folder of other objects, in the order it shows them. */
export const folderLabels: Record<OtherObjectKind, string> = {
  type: 'Types',
  domain: 'Domains',
  sequence: 'Sequences',
  function: 'Functions',
  procedure: 'Procedures',
  trigger: 'Triggers',
  event: 'Events',
}

export interface TreeState {
  schema: SchemaObjects
  others: readonly OtherObject[] | null
  filter: string
  collapsedNamespaces: ReadonlySet<string>
  expandedObjects: ReadonlySet<string>
  expandedFolders: ReadonlySet<string>
  details: ReadonlyMap<string, Details>
}

export function treeRows(state: TreeState): TreeRow[] {
  const needle = state.filter.trim().toLowerCase()
  const matches = (name: string) => !needle || name.toLowerCase().includes(needle)
  const byNamespace = new Map<string, { objects: SchemaObject[]; others: OtherObject[] }>(
    state.schema.namespaces.map((n) => [n, { objects: [], others: [] }]),
  )
  const entry = (namespace: string) => {
    let found = byNamespace.get(namespace)
    if (!found) byNamespace.set(namespace, (found = { objects: [], others: [] }))
    return found
  }
  for (const object of state.schema.objects)
    if (matches(object.name)) entry(object.schema).objects.push(object)
  for (const other of state.others ?? [])
    if (matches(other.name)) entry(other.schema).others.push(other)

  const rows: TreeRow[] = []
  for (const [name, { objects, others }] of byNamespace) {
    if (needle && objects.length === 0 && others.length === 0) continue
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
    for (const kind of Object.keys(folderLabels) as OtherObjectKind[]) {
      const items = others.filter((o) => o.kind === kind)
      if (items.length === 0) continue
      const key = folderKey(name, kind)
      // A filter opens the folders it found something in.
      const open = needle !== '' || state.expandedFolders.has(key)
      rows.push({
        type: 'folder',
        key: `f\0${key}`,
        level: 2,
        namespace: name,
        kind,
        count: items.length,
        expanded: open,
      })
      if (open)
        for (const object of items)
          rows.push({
            type: 'other',
            key: `x\0${key}\0${object.name}\0${object.identity}`,
            level: 3,
            object,
          })
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

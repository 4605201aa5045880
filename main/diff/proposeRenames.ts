import type { Rename, SchemaChange } from '../../shared/schema/SchemaChange'
import type { Table } from '../../shared/schema/model'

/**
 * Drop-and-add pairs that may be renames: a dropped and a created table with
 * the same columns, or a dropped and an added column of the same type in one
 * table. They are only offered; the diff keeps them as drops until confirmed.
 */
export function proposeRenames(changes: SchemaChange[]): Rename[] {
  const candidates: Rename[] = []
  const dropped = changes.flatMap((c) => (c.kind === 'dropTable' ? [c] : []))
  const created = changes.flatMap((c) => (c.kind === 'createTable' ? [c] : []))
  for (const gone of dropped)
    for (const made of created)
      if (made.namespace === gone.namespace && sameColumns(gone.definition, made.definition))
        candidates.push({
          kind: 'table',
          namespace: gone.namespace,
          from: gone.table,
          to: made.table,
        })

  const droppedColumns = changes.flatMap((c) => (c.kind === 'dropColumn' ? [c] : []))
  const addedColumns = changes.flatMap((c) => (c.kind === 'addColumn' ? [c] : []))
  for (const gone of droppedColumns)
    for (const made of addedColumns)
      if (
        made.namespace === gone.namespace &&
        made.table === gone.table &&
        made.column.type === gone.column.type
      )
        candidates.push({
          kind: 'column',
          namespace: gone.namespace,
          table: gone.table,
          from: gone.column.name,
          to: made.column.name,
        })
  return candidates
}

const columnsOf = (table: Table) =>
  JSON.stringify(table.columns.map((c) => [c.name, c.type]).sort())

function sameColumns(a: Table, b: Table): boolean {
  return columnsOf(a) === columnsOf(b)
}

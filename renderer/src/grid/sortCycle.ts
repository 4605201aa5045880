export type SortDirection = 'asc' | 'desc'

export interface SortKey {
  column: string
  direction: SortDirection
}

/**
 * The sort after a click on `column`'s header: its direction cycles none → asc
 * → desc → none. A plain click sorts by that column alone; an additive one
 * (Shift+click) keeps the other keys and adds, turns or drops this one in place.
 * For owners of a grid's `onSort`: the grid reports clicks, the database sorts.
 */
export function nextSort(sort: readonly SortKey[], column: string, additive: boolean): SortKey[] {
  const current = sort.find((key) => key.column === column)?.direction
  const direction: SortDirection | null =
    current === undefined ? 'asc' : current === 'asc' ? 'desc' : null
  if (!additive) return direction ? [{ column, direction }] : []
  if (current === undefined) return [...sort, { column, direction: 'asc' }]
  return direction
    ? sort.map((key) => (key.column === column ? { column, direction } : key))
    : sort.filter((key) => key.column !== column)
}

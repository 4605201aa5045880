import type { Namespace } from '../../shared/schema/model'

export const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0

/**
 * Puts an introspected model in its canonical order, so two introspections of
 * equal schemas compare equal: everything by name, overloads by signature.
 * Columns keep their position and triggers their firing order, which each
 * introspector reads from the catalog.
 */
export function inStableOrder(namespaces: Namespace[]): Namespace[] {
  for (const ns of namespaces) {
    for (const list of [ns.tables, ns.views, ns.sequences, ns.enums]) list.sort(byName)
    ns.routines.sort((a, b) => byName(a, b) || (a.signature < b.signature ? -1 : 1))
    for (const table of ns.tables) {
      for (const list of [table.uniques, table.indexes, table.foreignKeys, table.checks])
        list.sort(byName)
    }
  }
  return namespaces.sort(byName)
}

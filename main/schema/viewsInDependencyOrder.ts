import type { Namespace, View } from '../../shared/schema/model'

/**
 * Views that read other views must be created after them. The catalog prints
 * each body with the names it reads, so a view goes after every other view
 * whose name its body mentions; a real database cannot hold a cycle.
 */
export function viewsInDependencyOrder(namespaces: Namespace[]): { ns: Namespace; view: View }[] {
  const pending = namespaces.flatMap((ns) => ns.views.map((view) => ({ ns, view })))
  const ordered: { ns: Namespace; view: View }[] = []
  while (pending.length > 0) {
    const ready = pending.findIndex(
      ({ view }) =>
        !pending.some((other) => other.view !== view && mentions(view.definition, other.view.name)),
    )
    ordered.push(...pending.splice(ready < 0 ? 0 : ready, 1))
  }
  return ordered
}

/** Whether an SQL body names `name`, bare or quoted, as a whole word. */
export function mentions(body: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `(^|[^\\w"\`])(${escaped}|"${escaped.replaceAll('"', '""')}"|\`${escaped}\`)([^\\w"\`]|$)`,
  ).test(body)
}

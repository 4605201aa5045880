/** How two lists of named things pair up. */
export interface Matched<T> {
  /** Same name, same definition. */
  unchanged: T[]
  /** Same definition under another name. */
  renamed: { from: T; to: T }[]
  /** Only in the first list, or redefined under the same name. */
  dropped: T[]
  /** Only in the second list, or redefined under the same name. */
  added: T[]
}

/**
 * Pairs items by name (unnamed ones by definition), then pairs what is left by definition alone: a key or
 * index whose name changed (because its table did) is renamed, not rebuilt.
 */
export function matchByName<T extends { name: string }>(
  from: T[],
  to: T[],
  sameDefinition: (a: T, b: T) => boolean,
): Matched<T> {
  const result: Matched<T> = { unchanged: [], renamed: [], dropped: [], added: [] }
  const byName = new Map(to.filter((t) => t.name !== '').map((t) => [t.name, t]))
  const leftFrom: T[] = []
  const leftTo = new Set(to)
  for (const a of from) {
    // SQLite's constraints may have no name; those pair by definition alone.
    const b =
      a.name === ''
        ? [...leftTo].find((t) => t.name === '' && sameDefinition(a, t))
        : byName.get(a.name)
    if (b && sameDefinition(a, b)) {
      result.unchanged.push(a)
      leftTo.delete(b)
    } else leftFrom.push(a)
  }
  for (const a of leftFrom) {
    // A twin must carry a name the first list lacks, else it is that item redefined.
    const twin = [...leftTo].find(
      (t) => sameDefinition(a, t) && !from.some((f) => f.name === t.name),
    )
    if (twin) {
      result.renamed.push({ from: a, to: twin })
      leftTo.delete(twin)
    } else result.dropped.push(a)
  }
  result.added.push(...leftTo)
  return result
}

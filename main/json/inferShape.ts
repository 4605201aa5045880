import { jsonTypeName, labelOf, type JsonShape, type ShapeNode } from '../../shared/json/shape'

/** A sampled value that did not parse as JSON (a text column the heuristic looks at). */
export const invalidJson = Symbol('invalid JSON')

interface Builder {
  node: ShapeNode
  /** The last row counted in `rows`, so a key met twice in one row (array elements) counts once. */
  lastRow: number
  children: Map<string | null, Builder>
}

/**
 * Builds the path tree of sampled documents: per path, the types seen, the
 * share of rows that have it, and a few example values. Array elements are
 * merged into one `[*]` node, so `favorite_food[*].brand` covers every element.
 * Each value is a parsed document, `undefined` for SQL NULL, or `invalidJson`.
 */
export function inferShape(values: unknown[], method: string): JsonShape {
  const root = builder(null, '', [])
  let invalid = 0
  values.forEach((value, row) => {
    if (value === invalidJson) invalid++
    else if (value !== undefined) visit(root, value, row)
  })
  return { sampled: values.length, invalid, method, root: finish(root, values.length) }
}

function builder(key: string | null, label: string, path: string[]): Builder {
  return {
    node: { key, label, path, types: {}, rows: 0, presence: 0, examples: [], children: [] },
    lastRow: -1,
    children: new Map(),
  }
}

function visit(at: Builder, value: unknown, row: number): void {
  if (at.lastRow !== row) {
    at.lastRow = row
    at.node.rows++
  }
  const type = jsonTypeName(value)
  at.node.types[type] = (at.node.types[type] ?? 0) + 1
  if (type !== 'object' && type !== 'array' && at.node.examples.length < 3) {
    const example = JSON.stringify(value)
    if (!at.node.examples.includes(example)) at.node.examples.push(example)
  }
  if (Array.isArray(value)) for (const item of value) visit(child(at, null), item, row)
  else if (type === 'object')
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      visit(child(at, key), item, row)
}

function child(parent: Builder, key: string | null): Builder {
  let found = parent.children.get(key)
  if (found === undefined) {
    found = builder(key, labelOf(parent.node.label, key), [...parent.node.path, key ?? '0'])
    parent.children.set(key, found)
  }
  return found
}

function finish(at: Builder, sampled: number): ShapeNode {
  at.node.presence = sampled === 0 ? 0 : Math.round((1000 * at.node.rows) / sampled) / 10
  at.node.children = [...at.children.values()]
    .map((child) => finish(child, sampled))
    .sort((a, b) => b.rows - a.rows || String(a.key).localeCompare(String(b.key)))
  return at.node
}

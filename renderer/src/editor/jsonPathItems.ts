import { describeTypes, type ShapeNode } from '../../../shared/json/shape'

export interface JsonPathItem {
  label: string
  insertText: string
  detail: string
}

/** How deep below the typed path completion looks. */
const depth = 3

/** The node a typed path leads to; "0" steps into array elements. */
export function nodeAt(root: ShapeNode, path: string[]): ShapeNode | null {
  let node: ShapeNode | undefined = root
  for (const segment of path) {
    node =
      node.children.find((child) => child.key === segment) ??
      (/^\d+$/.test(segment) ? node.children.find((child) => child.key === null) : undefined)
    if (!node) return null
  }
  return node
}

/**
 * Completions under `node`: in a `$.` path, its keys, their nested keys and
 * array elements (`favorite_food[0].brand`); after `->>'`, its keys only,
 * since each arrow takes one key.
 */
export function jsonPathItems(node: ShapeNode, style: 'dollar' | 'arrow'): JsonPathItem[] {
  const items: JsonPathItem[] = []
  const walk = (at: ShapeNode, prefix: string, level: number) => {
    for (const child of at.children) {
      const step =
        child.key === null
          ? '[0]'
          : style === 'arrow' || /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(child.key)
            ? child.key
            : JSON.stringify(child.key)
      const text = child.key === null || prefix === '' ? prefix + step : `${prefix}.${step}`
      if (child.key !== null || style === 'dollar')
        items.push({ label: text, insertText: text, detail: describe(child) })
      if (style === 'dollar' && level < depth) walk(child, text, level + 1)
    }
  }
  walk(node, '', 1)
  return items
}

function describe(node: ShapeNode): string {
  return `${describeTypes(node)} · in ${Math.round(node.presence)}% of rows`
}

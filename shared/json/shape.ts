/** What a JSON column's documents hold, learned from a sample of rows. */
export type JsonTypeName = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null'

export interface ShapeNode {
  /** The key, or null for the elements of an array (`[*]`). */
  key: string | null
  /** The path from the column as people read it: `favorite_food[*].brand`. */
  label: string
  /** Path segments for a lookup; an array's elements are segment "0". */
  path: string[]
  /** How often each type was seen here (array elements count one by one). */
  types: Partial<Record<JsonTypeName, number>>
  /** Sampled rows that have this path at all. */
  rows: number
  /** `rows` as a percentage of the sampled rows. */
  presence: number
  /** Up to three distinct values seen, as JSON text. */
  examples: string[]
  children: ShapeNode[]
}

export interface JsonShape {
  /** Rows read, SQL NULLs included. */
  sampled: number
  /** Rows whose value was not JSON (text columns found by the heuristic). */
  invalid: number
  /** How the rows were picked, in words. */
  method: string
  /** The top level: its children are the top keys. */
  root: ShapeNode
}

export function jsonTypeName(value: unknown): JsonTypeName {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as JsonTypeName
}

/** A key as a path label writes it: plain words after a dot, anything else as a JSON string in brackets. */
export function labelOf(parent: string, key: string | null): string {
  if (key === null) return `${parent}[*]`
  if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key)) return parent ? `${parent}.${key}` : key
  return `${parent}[${JSON.stringify(key)}]`
}

/** A node's types with their shares: `string`, or `string 67%, number 33%` when mixed. */
export function describeTypes(node: ShapeNode): string {
  const total = Object.values(node.types).reduce((sum, n) => sum + n, 0)
  return Object.entries(node.types)
    .map(([type, n]) => (n === total ? type : `${type} ${Math.round((100 * n) / total)}%`))
    .join(', ')
}

import type { Lookup } from '../../shared/json/lookups'

/**
 * What kind of index a lookup could use: one on the value's text (equality
 * and order of strings), one on its number, or none the value alone serves.
 */
export function scalarIndexKind(lookup: Lookup): 'text' | 'number' | null {
  const { op, value } = lookup
  if (op === 'exact' || op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte') {
    if (typeof value === 'string') return 'text'
    if (typeof value === 'number') return 'number'
  }
  if (op === 'in' && Array.isArray(value) && value.length > 0) {
    if (value.every((item) => typeof item === 'string')) return 'text'
    if (value.every((item) => typeof item === 'number')) return 'number'
  }
  return null
}

import { isIndexSegment, type JsonValue, type Lookup } from '../../shared/json/lookups'

/**
 * The filter language's meaning, evaluated in JavaScript over parsed
 * documents: what the compiled SQL must select on every dialect. A document
 * is `undefined` where the column is SQL NULL.
 */
export function referenceMatches(document: JsonValue | undefined, lookups: Lookup[]): boolean {
  return lookups.every((lookup) => matches(document, lookup))
}

function matches(document: JsonValue | undefined, { path, op, value }: Lookup): boolean {
  const found = resolve(document, path)
  const text = typeof found === 'string' ? found : undefined
  switch (op) {
    case 'exact':
      return found !== undefined && equal(found, value)
    case 'in':
      return found !== undefined && (value as JsonValue[]).some((item) => equal(found, item))
    case 'isnull':
      return (found === undefined) === value
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      if (typeof found !== typeof value || (typeof found !== 'number' && typeof found !== 'string'))
        return false
      const order = compare(found, value as number | string)
      return { lt: order < 0, lte: order <= 0, gt: order > 0, gte: order >= 0 }[op]
    }
    case 'iexact':
      return text !== undefined && text.toLowerCase() === (value as string).toLowerCase()
    case 'icontains':
      return text !== undefined && text.toLowerCase().includes((value as string).toLowerCase())
    case 'startswith':
      return text !== undefined && text.startsWith(value as string)
    case 'istartswith':
      return text !== undefined && text.toLowerCase().startsWith((value as string).toLowerCase())
    case 'endswith':
      return text !== undefined && text.endsWith(value as string)
    case 'iendswith':
      return text !== undefined && text.toLowerCase().endsWith((value as string).toLowerCase())
    case 'regex':
      return text !== undefined && new RegExp(value as string, 'u').test(text)
    case 'iregex':
      return text !== undefined && new RegExp(value as string, 'iu').test(text)
    case 'has_key':
      return hasKey(found, value as string)
    case 'has_keys':
      return (value as string[]).every((key) => hasKey(found, key))
    case 'has_any_keys':
      return (value as string[]).some((key) => hasKey(found, key))
    case 'contains':
      return found !== undefined && contains(found, value, true)
    case 'contained_by':
      return found !== undefined && contains(value, found, true)
  }
}

/** A digit segment indexes an array or names an object's key; anything else is missing. */
function resolve(value: JsonValue | undefined, path: string[]): JsonValue | undefined {
  let current = value
  for (const segment of path) {
    if (Array.isArray(current))
      current = isIndexSegment(segment) ? current[Number(segment)] : undefined
    else if (isObject(current))
      current = Object.hasOwn(current, segment) ? current[segment] : undefined
    else return undefined
  }
  return current
}

function hasKey(value: JsonValue | undefined, key: string): boolean {
  return isObject(value) && Object.hasOwn(value, key)
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Code point order for strings (not UTF-16 order), numeric order for numbers. */
function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number') return a - (b as number)
  const left = [...a].map((c) => c.codePointAt(0)!)
  const right = [...(b as string)].map((c) => c.codePointAt(0)!)
  for (let i = 0; i < Math.min(left.length, right.length); i++)
    if (left[i] !== right[i]) return left[i]! - right[i]!
  return left.length - right.length
}

function equal(a: JsonValue, b: JsonValue): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => equal(item, b[i]!))
    )
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && equal(a[key]!, b[key]!))
    )
  }
  return a === b
}

/** jsonb's `container @> item`: objects by key, arrays by some element, and at the top, an array holding a scalar. */
function contains(container: JsonValue, item: JsonValue, top: boolean): boolean {
  if (Array.isArray(item))
    return (
      Array.isArray(container) &&
      item.every((wanted) => container.some((have) => contains(have, wanted, false)))
    )
  if (isObject(item))
    return (
      isObject(container) &&
      Object.entries(item).every(
        ([key, wanted]) =>
          Object.hasOwn(container, key) && contains(container[key]!, wanted, false),
      )
    )
  if (top && Array.isArray(container))
    return container.some((have) => !isObject(have) && !Array.isArray(have) && equal(have, item))
  return !isObject(container) && !Array.isArray(container) && equal(container, item)
}

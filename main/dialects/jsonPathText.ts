import { isIndexSegment } from '../../shared/json/lookups'

/** A run of keys, or one digit segment whose meaning depends on the value it meets. */
export type PathStep = { keys: string[] } | string

/**
 * Splits a path where a digit segment stands: dialects whose JSON paths must
 * say "index" or "key" decide each such step by the type of the value there.
 */
export function splitAtIndexes(path: string[]): PathStep[] {
  const steps: PathStep[] = []
  for (const segment of path) {
    const last = steps[steps.length - 1]
    if (isIndexSegment(segment)) steps.push(segment)
    else if (last !== undefined && typeof last !== 'string') last.keys.push(segment)
    else steps.push({ keys: [segment] })
  }
  return steps
}

/** A JSON path (`$."a"."b c"`) naming keys only; each key is a JSON string, so any character is safe. */
export function jsonPathLiteral(keys: string[]): string {
  return '$' + keys.map((key) => '.' + JSON.stringify(key)).join('')
}

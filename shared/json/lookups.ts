import { SluiceError } from '../errors'

/**
 * Sluice's JSON filter language: Django's lookup syntax, relative to one JSON
 * column. `breed__icontains="mix", age__lt=5` is two lookups joined by AND.
 * Values are JSON literals; a key that is not a plain word is written as a
 * JSON string (`"odd key"__exact=1`).
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export const lookupOps = [
  'exact',
  'iexact',
  'icontains',
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
  'in',
  'regex',
  'iregex',
  'lt',
  'lte',
  'gt',
  'gte',
  'isnull',
  'has_key',
  'has_keys',
  'has_any_keys',
  'contains',
  'contained_by',
] as const

export type LookupOp = (typeof lookupOps)[number]

/** Lookups on the text of a string value; the others never match a non-string. */
export const textOps = [
  'iexact',
  'icontains',
  'startswith',
  'istartswith',
  'endswith',
  'iendswith',
  'regex',
  'iregex',
] as const satisfies readonly LookupOp[]

export type TextOp = (typeof textOps)[number]

export interface Lookup {
  /** Keys from the column down; a segment of digits indexes an array or names an object's key. */
  path: string[]
  op: LookupOp
  value: JsonValue
}

export function isLookupOp(word: string): word is LookupOp {
  return (lookupOps as readonly string[]).includes(word)
}

export function isTextOp(op: LookupOp): op is TextOp {
  return (textOps as readonly string[]).includes(op)
}

/** True for a segment that can index an array. */
export function isIndexSegment(segment: string): boolean {
  return /^\d+$/.test(segment)
}

/** Parses `a__b__op=VALUE, …`; a mistake is a BAD_REQUEST naming the lookup and the character. */
export function parseLookups(text: string): Lookup[] {
  const reader = new Reader(text)
  const lookups: Lookup[] = []
  reader.skipSpace()
  if (reader.done()) throw reader.fail('the filter is empty')
  for (;;) {
    lookups.push(reader.lookup())
    reader.skipSpace()
    if (reader.done()) return lookups
    reader.expect(',')
    reader.skipSpace()
  }
}

/** A path as lookups write it: `favorite_food__0__brand`. */
export function formatPath(path: string[]): string {
  return path.map(formatSegment).join('__')
}

/** The text of one lookup, as `parseLookups` reads it back. */
export function formatLookup(lookup: Lookup): string {
  const segments = lookup.path.map(formatSegment)
  if (lookup.op !== 'exact') segments.push(lookup.op)
  if (segments.length === 0) segments.push('exact')
  return `${segments.join('__')}=${JSON.stringify(lookup.value)}`
}

export function formatLookups(lookups: Lookup[]): string {
  return lookups.map(formatLookup).join(', ')
}

function formatSegment(segment: string): string {
  const bare = /^[^\s=,"_]+(?:_[^\s=,"_]+)*$/u.test(segment) && !isLookupOp(segment)
  return bare ? segment : JSON.stringify(segment)
}

class Reader {
  private at = 0

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length
  }

  skipSpace(): void {
    while (!this.done() && /\s/.test(this.text[this.at]!)) this.at++
  }

  expect(char: string): void {
    if (this.text[this.at] !== char) throw this.fail(`expected "${char}"`)
    this.at++
  }

  fail(problem: string): SluiceError {
    const near = this.text.slice(this.at, this.at + 20)
    return new SluiceError({
      code: 'BAD_REQUEST',
      message: `Filter: ${problem} at character ${this.at + 1}${near ? ` (near "${near}")` : ''}.`,
    })
  }

  lookup(): Lookup {
    const start = this.at
    const segments: { text: string; quoted: boolean }[] = [this.segment()]
    while (this.text.startsWith('__', this.at)) {
      this.at += 2
      segments.push(this.segment())
    }
    this.skipSpace()
    this.expect('=')
    this.skipSpace()
    const value = this.value()
    const last = segments[segments.length - 1]!
    const hasOp = !last.quoted && isLookupOp(last.text)
    const op: LookupOp = hasOp ? (last.text as LookupOp) : 'exact'
    const path = (hasOp ? segments.slice(0, -1) : segments).map((s) => s.text)
    const name = this.text.slice(start, this.at).trim()
    checkValue(op, value, name)
    return { path, op, value }
  }

  private segment(): { text: string; quoted: boolean } {
    if (this.text[this.at] === '"') {
      const end = this.stringEnd(this.at)
      const text = JSON.parse(this.text.slice(this.at, end)) as string
      this.at = end
      return { text, quoted: true }
    }
    const start = this.at
    while (!this.done() && !/[\s=,"]/.test(this.text[this.at]!)) {
      if (this.text.startsWith('__', this.at)) break
      this.at++
    }
    if (this.at === start) throw this.fail('expected a key or a lookup')
    return { text: this.text.slice(start, this.at), quoted: false }
  }

  /** The end (exclusive) of the JSON string starting at `start`. */
  private stringEnd(start: number): number {
    let i = start + 1
    while (i < this.text.length && this.text[i] !== '"') i += this.text[i] === '\\' ? 2 : 1
    if (i >= this.text.length) {
      this.at = start
      throw this.fail('a string is not closed')
    }
    return i + 1
  }

  /** A JSON literal, ending at a top-level `,` or the end. */
  private value(): JsonValue {
    const start = this.at
    let depth = 0
    while (!this.done()) {
      const char = this.text[this.at]!
      if (char === '"') this.at = this.stringEnd(this.at)
      else {
        if (char === ',' && depth === 0) break
        if (char === '[' || char === '{') depth++
        if (char === ']' || char === '}') depth--
        this.at++
      }
    }
    const literal = this.text.slice(start, this.at).trim()
    if (literal === '') {
      this.at = start
      throw this.fail('expected a JSON value after "="')
    }
    try {
      return JSON.parse(literal) as JsonValue
    } catch {
      this.at = start
      throw this.fail(`${literal.slice(0, 40)} is not a JSON value (strings need double quotes)`)
    }
  }
}

function checkValue(op: LookupOp, value: JsonValue, name: string): void {
  const problem = valueProblem(op, value)
  if (problem)
    throw new SluiceError({ code: 'BAD_REQUEST', message: `Filter ${name}: ${problem}.` })
}

function valueProblem(op: LookupOp, value: JsonValue): string | null {
  const isString = typeof value === 'string'
  if (isTextOp(op) || op === 'has_key') return isString ? null : `${op} needs a string`
  switch (op) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return isString || typeof value === 'number' ? null : `${op} needs a number or a string`
    case 'in':
      return Array.isArray(value) ? null : 'in needs an array of values'
    case 'isnull':
      return typeof value === 'boolean' ? null : 'isnull needs true or false'
    case 'has_keys':
    case 'has_any_keys':
      return Array.isArray(value) && value.every((key) => typeof key === 'string')
        ? null
        : `${op} needs an array of strings`
    default:
      return null
  }
}

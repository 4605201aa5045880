import { isTextOp, type JsonValue, type Lookup, type TextOp } from '../../shared/json/lookups'
import type { Comparison, ExpandedStructure, JsonSql } from '../dialects/types'

/**
 * Compiles lookups on one JSON column into a WHERE condition with one meaning
 * on every dialect (see the README's "JSON filters"): values compare only
 * with values of the same JSON type, a missing key never matches a value
 * lookup, text lookups see strings only, and containment is jsonb's.
 */
export function compileFilter(sql: JsonSql, column: string, lookups: Lookup[]): string {
  const compiler = new Compiler(sql)
  const document = sql.document(column)
  return lookups.map((lookup) => `(${compiler.lookup(document, lookup)})`).join(' AND ')
}

const comparisons: Record<'lt' | 'lte' | 'gt' | 'gte', Comparison> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
}

class Compiler {
  /** Loop aliases must be unique within a statement. */
  private aliases = 0

  constructor(private readonly sql: JsonSql) {}

  lookup(document: string, { path, op, value }: Lookup): string {
    const json = this.sql.at(document, path)
    if (isTextOp(op)) return this.textLookup(json, op, value as string)
    switch (op) {
      case 'exact':
        return this.equals(json, value)
      case 'in':
        return any((value as JsonValue[]).map((item) => this.equals(json, item)))
      case 'isnull':
        return `${json} IS ${value ? '' : 'NOT '}NULL`
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        return typeof value === 'number'
          ? this.sql.compareNumber(json, comparisons[op], value)
          : `${this.sql.is(json, 'string')} AND ${this.sql.compareText(this.sql.text(json), comparisons[op], this.sql.literal(value as string))}`
      case 'has_key':
        return this.hasKey(json, value as string)
      case 'has_keys':
        return all((value as string[]).map((key) => this.hasKey(json, key)))
      case 'has_any_keys':
        return any((value as string[]).map((key) => this.hasKey(json, key)))
      case 'contains':
        return this.sql.structure.kind === 'native'
          ? this.sql.structure.contains(json, value)
          : this.contains(this.sql.structure, json, value, true)
      case 'contained_by':
        return this.sql.structure.kind === 'native'
          ? this.sql.structure.containedBy(json, value)
          : this.containedBy(this.sql.structure, json, value, true)
    }
  }

  private textLookup(json: string, op: TextOp, value: string): string {
    const isString = this.sql.is(json, 'string')
    const text = this.sql.text(json)
    if (op === 'regex' || op === 'iregex')
      return `${isString} AND ${this.sql.regex(text, value, op === 'iregex')}`
    // An empty prefix, suffix or part is in every string; some dialects' substring arithmetic disagrees.
    if (value === '' && op !== 'iexact') return isString
    const folded = op.startsWith('i')
    const subject = folded ? this.sql.lower(text) : text
    const literal = folded ? this.sql.lower(this.sql.literal(value)) : this.sql.literal(value)
    const test = {
      iexact: () => this.sql.compareText(subject, '=', literal),
      icontains: () => this.sql.includes(subject, literal),
      startswith: () => this.sql.startsWith(subject, literal),
      istartswith: () => this.sql.startsWith(subject, literal),
      endswith: () => this.sql.endsWith(subject, literal),
      iendswith: () => this.sql.endsWith(subject, literal),
    }[op]
    return `${isString} AND ${test()}`
  }

  private hasKey(json: string, key: string): string {
    if (this.sql.hasKey) return this.sql.hasKey(json, key)
    return `${this.sql.is(json, 'object')} AND ${this.sql.at(json, [key])} IS NOT NULL`
  }

  /** The value at `json` equals `value` in type and value; 4 equals 4.0. */
  equals(json: string, value: JsonValue): string {
    if (value === null) return this.sql.is(json, 'null')
    if (value === true || value === false) return this.sql.is(json, String(value) as 'true')
    if (typeof value === 'number') return this.sql.compareNumber(json, '=', value)
    if (typeof value === 'string')
      return `${this.sql.is(json, 'string')} AND ${this.sql.compareText(this.sql.text(json), '=', this.sql.literal(value))}`
    const structure = this.sql.structure
    if (structure.kind === 'native') return structure.equals(json, value)
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value)
    return all([
      this.sql.is(json, Array.isArray(value) ? 'array' : 'object'),
      `${structure.length(json)} = ${entries.length}`,
      ...entries.map(([key, item]) => this.equals(this.sql.at(json, [key]), item)),
    ])
  }

  /** jsonb's `json @> value`; `root` allows its one exception, an array containing a scalar. */
  private contains(
    structure: ExpandedStructure,
    json: string,
    value: JsonValue,
    root: boolean,
  ): string {
    if (Array.isArray(value)) {
      return all([
        this.sql.is(json, 'array'),
        ...value.map((item) =>
          structure.someElement(json, this.alias(), (element) =>
            this.contains(structure, element, item, false),
          ),
        ),
      ])
    }
    if (value !== null && typeof value === 'object') {
      return all([
        this.sql.is(json, 'object'),
        ...Object.entries(value).map(([key, item]) =>
          this.contains(structure, this.sql.at(json, [key]), item, false),
        ),
      ])
    }
    const scalar = this.equals(json, value)
    if (!root) return scalar
    const inArray = structure.someElement(json, this.alias(), (element) =>
      this.equals(element, value),
    )
    return any([scalar, `${this.sql.is(json, 'array')} AND ${inArray}`])
  }

  /** jsonb's `json <@ value`, which is `value @> json`. */
  private containedBy(
    structure: ExpandedStructure,
    json: string,
    value: JsonValue,
    root: boolean,
  ): string {
    if (Array.isArray(value)) {
      const elementsWithin = all([
        this.sql.is(json, 'array'),
        structure.everyElement(json, this.alias(), (element) =>
          any(value.map((item) => this.containedBy(structure, element, item, false))),
        ),
      ])
      if (!root) return elementsWithin
      const scalars = value.filter((item) => item === null || typeof item !== 'object')
      return any([elementsWithin, ...scalars.map((item) => this.equals(json, item))])
    }
    if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value)
      return all([
        this.sql.is(json, 'object'),
        keys.length === 0
          ? `${structure.length(json)} = 0`
          : structure.keysWithin(json, this.alias(), keys),
        ...keys.map((key) => {
          const child = this.sql.at(json, [key])
          return `(${child} IS NULL OR ${parenthesized(this.containedBy(structure, child, value[key]!, false))})`
        }),
      ])
    }
    return this.equals(json, value)
  }

  private alias(): string {
    return `j${++this.aliases}`
  }
}

function parenthesized(condition: string): string {
  return `(${condition})`
}

/** Conditions joined by AND; none is true. */
function all(conditions: string[]): string {
  return conditions.length === 0 ? '1 = 1' : conditions.map(parenthesized).join(' AND ')
}

/** Conditions joined by OR; none is false. */
function any(conditions: string[]): string {
  return conditions.length === 0 ? '1 = 0' : conditions.map(parenthesized).join(' OR ')
}

import type { ForeignKey } from '../../../shared/schema/model'
import {
  closingParen,
  identifierValue,
  isWord,
  sourceOf,
  splitOnCommas,
  tokenize,
  type Token,
} from './sqlTokens'

/** What only the CREATE TABLE text knows about one column. */
export interface ColumnClauses {
  collation: string | null
  generated: { expression: string; stored: boolean } | null
  autoincrement: boolean
}

/** A named or unnamed constraint as written, column-level ones included. */
export interface NamedConstraint {
  /** '' when the constraint has no CONSTRAINT name. */
  name: string
  columns: string[]
}

export interface TableClauses {
  columns: Map<string, ColumnClauses>
  primaryKeyName: string
  uniques: NamedConstraint[]
  checks: { name: string; expression: string }[]
  foreignKeys: (NamedConstraint & { table: string; deferrable: ForeignKey['deferrable'] })[]
  /** `WITHOUT ROWID`, `STRICT`, upper-cased, in the order written. */
  options: string[]
}

const constraintStarts = [
  'CONSTRAINT',
  'PRIMARY',
  'NOT',
  'NULL',
  'UNIQUE',
  'CHECK',
  'DEFAULT',
  'COLLATE',
  'REFERENCES',
  'GENERATED',
  'AS',
  'FOREIGN',
]

/** Reads the clauses of a CREATE TABLE statement as sqlite_schema stores it. */
export function createTableClauses(sql: string): TableClauses {
  const tokens = tokenize(sql)
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.text === '(')
  const close = closingParen(tokens, open)
  const clauses: TableClauses = {
    columns: new Map(),
    primaryKeyName: '',
    uniques: [],
    checks: [],
    foreignKeys: [],
    options: splitOnCommas(tokens, close + 1, tokens.length).map((piece) =>
      piece.map((t) => t.text.toUpperCase()).join(' '),
    ),
  }
  for (const definition of splitOnCommas(tokens, open + 1, close)) {
    const first = definition[0]
    if (!first) continue
    // A column may be named like these keywords only when quoted, and a quoted token is no word.
    if (isWord(first, 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN'))
      readConstraints(sql, definition, 0, null, clauses)
    else {
      const column = identifierValue(first)
      let k = 1
      while (k < definition.length && !isWord(definition[k], ...constraintStarts)) k++
      clauses.columns.set(column, { collation: null, generated: null, autoincrement: false })
      readConstraints(sql, definition, k, column, clauses)
    }
  }
  return clauses
}

/**
 * Walks constraint clauses from `k`. `column` is set for a column definition,
 * whose constraints apply to it; null for a table constraint.
 */
function readConstraints(
  sql: string,
  tokens: Token[],
  start: number,
  column: string | null,
  out: TableClauses,
): void {
  let name = ''
  const own = column === null ? undefined : out.columns.get(column)
  for (let k = start; k < tokens.length; k++) {
    const token = tokens[k]!
    switch (token.keyword) {
      case 'CONSTRAINT':
        name = identifierValue(tokens[++k]!)
        continue
      case 'PRIMARY':
        out.primaryKeyName = name
        if (tokens[k + 2]?.text === '(') k = nameList(tokens, k + 2).end
        break
      case 'UNIQUE':
        if (tokens[k + 1]?.text === '(') {
          const read = nameList(tokens, k + 1)
          out.uniques.push({ name, columns: read.columns })
          k = read.end
        } else out.uniques.push({ name, columns: [column ?? ''] })
        break
      case 'CHECK': {
        const { end, inner } = group(tokens, k + 1)
        out.checks.push({ name, expression: textOf(sql, inner) })
        k = end
        break
      }
      case 'DEFAULT': {
        const next = tokens[k + 1]
        if (next?.text === '(') k = closingParen(tokens, k + 1)
        else k += next?.text === '-' || next?.text === '+' ? 2 : 1
        break
      }
      case 'NOT':
      case 'NULL':
        // Nothing to read; it only ends a CONSTRAINT name's reach.
        break
      case 'COLLATE': {
        if (!own) continue
        const collation = identifierValue(tokens[++k]!)
        own.collation = collation.toUpperCase() === 'BINARY' ? null : collation
        break
      }
      case 'AUTOINCREMENT':
        if (!own) continue
        own.autoincrement = true
        break
      case 'AS': {
        if (!own) continue
        const { end, inner } = group(tokens, k + 1)
        own.generated = {
          expression: textOf(sql, inner),
          stored: isWord(tokens[end + 1], 'STORED'),
        }
        k = end
        break
      }
      case 'FOREIGN': {
        const read = nameList(tokens, k + 2)
        k = readReference(tokens, read.end + 1, name, read.columns, out)
        break
      }
      case 'REFERENCES':
        if (column === null) continue
        k = readReference(tokens, k, name, [column], out)
        break
      default:
        continue
    }
    name = ''
  }
}

/** The tokens inside the parentheses opened at `at`, and where they close. */
function group(tokens: Token[], at: number): { end: number; inner: Token[] } {
  const end = closingParen(tokens, at)
  return { end, inner: tokens.slice(at + 1, end) }
}

/** A parenthesised list of names, such as a key's columns. */
function nameList(tokens: Token[], at: number): { end: number; columns: string[] } {
  const { end, inner } = group(tokens, at)
  const columns = splitOnCommas(inner, 0, inner.length).map((p) => identifierValue(p[0]!))
  return { end, columns }
}

const textOf = (sql: string, inner: Token[]) =>
  inner.length === 0 ? '' : sourceOf(sql, inner[0]!, inner[inner.length - 1]!)

/** Reads `REFERENCES table [(columns)] …` from `at`; returns the index of its last token. */
function readReference(
  tokens: Token[],
  at: number,
  name: string,
  columns: string[],
  out: TableClauses,
): number {
  let deferrable: ForeignKey['deferrable'] = 'not deferrable'
  let k = at + 2
  for (; k < tokens.length; k++) {
    const token = tokens[k]!
    if (isWord(token, 'DEFERRABLE') && !isWord(tokens[k - 1], 'NOT'))
      deferrable = isWord(tokens[k + 2], 'DEFERRED') ? 'initially deferred' : 'initially immediate'
    // The next constraint of the same column starts here.
    if (isWord(token, ...constraintStarts) && !isWord(token, 'NOT', 'NULL', 'DEFAULT')) break
    if (isWord(token, 'NOT') && !isWord(tokens[k + 1], 'DEFERRABLE')) break
  }
  out.foreignKeys.push({ name, columns, table: identifierValue(tokens[at + 1]!), deferrable })
  return k - 1
}

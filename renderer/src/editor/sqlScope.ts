import { keywordsOf, tableIntroducers } from './sqlWords'
import type { DialectName } from '../../../shared/connectionUrl'

/** A table a statement reads or writes, as written, with its alias if it has one. */
export interface TableReference {
  schema: string | null
  name: string
  alias: string | null
}

/** What the word being typed should be. */
export type CompletionContext =
  { kind: 'member'; qualifier: string } | { kind: 'table' } | { kind: 'any' }

interface Token {
  text: string
  /** The name a quoted identifier stands for; the word itself for a bare one; null for anything else. */
  name: string | null
}

const shared =
  /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^'\\]|''|\\.)*'?|"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[[^\]]*\]?|[\p{L}_][\p{L}\p{N}_$]*|\S/gu
/** `#` starts a comment only in MySQL; in PostgreSQL it is an operator (`#>`). */
const mysqlPattern = new RegExp('#[^\\n]*|' + shared.source, 'gu')

function tokenize(text: string, dialect: DialectName): Token[] {
  const tokens: Token[] = []
  for (const [text_] of text.matchAll(dialect === 'mysql' ? mysqlPattern : shared)) {
    const first = text_[0]!
    if (text_.startsWith('--') || text_.startsWith('/*') || (first === '#' && dialect === 'mysql'))
      continue
    if (first === "'") continue
    if (first === '"' || first === '`' || first === '[')
      tokens.push({ text: text_, name: unquote(text_) })
    else if (/[\p{L}_]/u.test(first)) tokens.push({ text: text_, name: text_ })
    else tokens.push({ text: text_, name: null })
  }
  return tokens
}

function unquote(text: string): string {
  const open = text[0]!
  const close = open === '[' ? ']' : open
  const body = text.endsWith(close) && text.length > 1 ? text.slice(1, -1) : text.slice(1)
  return open === '[' ? body : body.replaceAll(open + open, open)
}

const reserved = (dialect: DialectName) =>
  new Set(
    keywordsOf(dialect)
      .flatMap((k) => k.split(' '))
      .map((k) => k.toUpperCase()),
  )

/**
 * The tables a statement names after FROM, JOIN, UPDATE and INTO, with their
 * aliases: enough to complete `alias.` and the columns in scope. A lexer, not
 * a parser: it reads what is there and never fails on half-typed SQL.
 */
export function tablesInScope(statement: string, dialect: DialectName): TableReference[] {
  const words = reserved(dialect)
  const tokens = tokenize(statement, dialect)
  const found: TableReference[] = []
  const isName = (t: Token | undefined) =>
    t?.name != null && (t.text !== t.name || !words.has(t.text.toUpperCase()))
  for (let i = 0; i < tokens.length; i++) {
    const upper = tokens[i]!.text.toUpperCase()
    if (!(tableIntroducers.has(upper) || (upper === ',' && inFromList(tokens, i)))) continue
    let j = i + 1
    if (!isName(tokens[j])) continue
    let schema: string | null = null
    let name = tokens[j]!.name!
    if (tokens[j + 1]?.text === '.' && isName(tokens[j + 2])) {
      schema = name
      name = tokens[j + 2]!.name!
      j += 2
    }
    j++
    if (tokens[j]?.text.toUpperCase() === 'AS') j++
    const alias = isName(tokens[j]) ? tokens[j]!.name : null
    found.push({ schema, name, alias })
  }
  return found
}

/** A comma belongs to a FROM list when the nearest clause word before it is FROM. */
function inFromList(tokens: Token[], comma: number): boolean {
  let depth = 0
  for (let i = comma - 1; i >= 0; i--) {
    const text = tokens[i]!.text.toUpperCase()
    if (text === ')') depth++
    else if (text === '(') {
      if (depth === 0) return false
      depth--
    } else if (depth === 0) {
      if (text === 'FROM') return true
      if (['SELECT', 'WHERE', 'ON', 'GROUP', 'ORDER', 'SET', 'VALUES', 'BY'].includes(text))
        return false
    }
  }
  return false
}

/** What the text just before the cursor asks for. */
export function completionContext(before: string, dialect: DialectName): CompletionContext {
  const tokens = tokenize(before, dialect)
  // The word being typed, if any, is not part of the context.
  if (tokens.length > 0 && /[\p{L}_"`[]/u.test(tokens.at(-1)!.text[0]!) && !/\s$/.test(before))
    tokens.pop()
  const last = tokens.at(-1)
  if (last?.text === '.' && tokens.at(-2)?.name != null)
    return { kind: 'member', qualifier: tokens.at(-2)!.name! }
  if (last && tableIntroducers.has(last.text.toUpperCase())) return { kind: 'table' }
  return { kind: 'any' }
}

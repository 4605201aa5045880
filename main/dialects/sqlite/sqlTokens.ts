/**
 * A lexer for the CREATE statements SQLite keeps in sqlite_schema. The
 * pragmas give columns, keys and indexes, but only this text holds constraint
 * names, CHECK and generated expressions, collations, expression-index parts
 * and WITHOUT ROWID, so the introspector reads those clauses back from it.
 */
export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct'
  /** The source text of the token. */
  text: string
  /** A word upper-cased once, for keyword tests; '' for any other kind. */
  keyword: string
  start: number
  end: number
}

const isWordChar = (code: number, ch: string) =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  code === 95 ||
  code === 36 ||
  (code > 127 && /[\p{L}\p{N}]/u.test(ch))

/** The index just past a quoted run opened at `start`; a doubled closing quote stays inside. */
function quotedEnd(sql: string, start: number, close: string): number {
  let j = start + 1
  for (;;) {
    const at = sql.indexOf(close, j)
    if (at < 0) return sql.length
    if (close !== ']' && sql[at + 1] === close) j = at + 2
    else return at + 1
  }
}

/** Scans by character code: thousands of stored CREATE statements must read in milliseconds. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  const push = (kind: Token['kind'], start: number, end: number) => {
    const text = sql.slice(start, end)
    tokens.push({ kind, text, keyword: kind === 'word' ? text.toUpperCase() : '', start, end })
  }
  let i = 0
  while (i < sql.length) {
    const ch = sql[i]!
    const code = sql.charCodeAt(i)
    if (code <= 32 || code === 160) {
      i++
    } else if (ch === '-' && sql[i + 1] === '-') {
      const newline = sql.indexOf('\n', i)
      i = newline < 0 ? sql.length : newline + 1
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close < 0 ? sql.length : close + 2
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const end = quotedEnd(sql, i, ch === '[' ? ']' : ch)
      push('quoted', i, end)
      i = end
    } else if (ch === "'" || ((ch === 'x' || ch === 'X') && sql[i + 1] === "'")) {
      // x'…' is a blob literal: one string token.
      const end = quotedEnd(sql, ch === "'" ? i : i + 1, "'")
      push('string', i, end)
      i = end
    } else if (isWordChar(code, ch)) {
      let j = i + 1
      while (j < sql.length && isWordChar(sql.charCodeAt(j), sql[j]!)) j++
      push(code >= 48 && code <= 57 ? 'number' : 'word', i, j)
      i = j
    } else {
      push('punct', i, i + 1)
      i++
    }
  }
  return tokens
}

/** A name as SQLite resolves it: quotes of any of its four styles removed. */
export function identifierValue(token: Token): string {
  if (token.kind !== 'quoted' && token.kind !== 'string') return token.text
  const open = token.text[0]!
  const close = open === '[' ? ']' : open
  const inner = token.text.slice(1, -1)
  return close === ']' ? inner : inner.replaceAll(close + close, close)
}

export const isWord = (token: Token | undefined, ...words: string[]): boolean =>
  token !== undefined && token.keyword !== '' && words.includes(token.keyword)

/** The index of the `)` that closes the `(` at `open`. */
export function closingParen(tokens: Token[], open: number): number {
  let depth = 0
  for (let i = Math.max(open, 0); i < tokens.length; i++) {
    if (tokens[i]!.text === '(' && tokens[i]!.kind === 'punct') depth++
    else if (tokens[i]!.text === ')' && tokens[i]!.kind === 'punct' && --depth === 0) return i
  }
  return tokens.length - 1
}

/** Splits tokens[from, to) at commas outside parentheses. */
export function splitOnCommas(tokens: Token[], from: number, to: number): Token[][] {
  const pieces: Token[][] = []
  let current: Token[] = []
  let depth = 0
  for (let i = from; i < to; i++) {
    const token = tokens[i]!
    if (token.kind === 'punct' && token.text === '(') depth++
    if (token.kind === 'punct' && token.text === ')') depth--
    if (depth === 0 && token.kind === 'punct' && token.text === ',') {
      pieces.push(current)
      current = []
    } else current.push(token)
  }
  if (current.length > 0) pieces.push(current)
  return pieces
}

/** The original text from the start of `first` to the end of `last`. */
export const sourceOf = (sql: string, first: Token, last: Token): string =>
  sql.slice(first.start, last.end)

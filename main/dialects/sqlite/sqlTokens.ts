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
  start: number
  end: number
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < sql.length) {
    const ch = sql[i]!
    if (/\s/.test(ch)) {
      i++
    } else if (ch === '-' && sql[i + 1] === '-') {
      const newline = sql.indexOf('\n', i)
      i = newline < 0 ? sql.length : newline + 1
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close < 0 ? sql.length : close + 2
    } else if (ch === '"' || ch === '`' || ch === "'" || ch === '[' || isBlobStart(sql, i)) {
      // x'…' is a blob literal: one string token.
      const quote = isBlobStart(sql, i) ? "'" : ch
      const close = quote === '[' ? ']' : quote
      let j = sql.indexOf(quote, i) + 1
      for (; j < sql.length; j++) {
        if (sql[j] !== close) continue
        if (close !== ']' && sql[j + 1] === close) j++
        else break
      }
      const end = Math.min(j + 1, sql.length)
      tokens.push({
        kind: quote === "'" ? 'string' : 'quoted',
        text: sql.slice(i, end),
        start: i,
        end,
      })
      i = end
    } else if (/[\p{L}_$\d]/u.test(ch)) {
      let j = i + 1
      while (j < sql.length && /[\p{L}\p{N}_$]/u.test(sql[j]!)) j++
      tokens.push({
        kind: /\d/.test(ch) ? 'number' : 'word',
        text: sql.slice(i, j),
        start: i,
        end: j,
      })
      i = j
    } else {
      tokens.push({ kind: 'punct', text: ch, start: i, end: i + 1 })
      i++
    }
  }
  return tokens
}

const isBlobStart = (sql: string, i: number) => /[xX]/.test(sql[i]!) && sql[i + 1] === "'"

/** A name as SQLite resolves it: quotes of any of its four styles removed. */
export function identifierValue(token: Token): string {
  if (token.kind !== 'quoted' && token.kind !== 'string') return token.text
  const open = token.text[0]!
  const close = open === '[' ? ']' : open
  const inner = token.text.slice(1, -1)
  return close === ']' ? inner : inner.replaceAll(close + close, close)
}

export const isWord = (token: Token | undefined, ...words: string[]): boolean =>
  token?.kind === 'word' && words.includes(token.text.toUpperCase())

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

import type { DialectName } from '../connectionUrl'

/**
 * One statement of a script, with its offsets in the script so the editor can
 * map a server error position back to a line and column.
 */
export interface StatementSpan {
  /** The statement without surrounding whitespace or its terminating semicolon. */
  text: string
  /** Offset of `text` in the script. */
  start: number
  /** Offset just past the terminating semicolon, or the end of the script. */
  end: number
}

/**
 * Splits a script on semicolons that sit outside strings, quoted identifiers,
 * comments, PostgreSQL dollar quotes and SQLite trigger bodies. It is a lexer,
 * not a parser: anything it does not recognise is plain text, so it never
 * throws on malformed input.
 */
export function splitStatements(script: string, dialect: DialectName): StatementSpan[] {
  const spans: StatementSpan[] = []
  let pieceStart = 0
  let i = 0
  let triggerDepth = 0
  let sawCreateTrigger = false
  let wordStart = -1

  const pushPiece = (end: number, next: number) => {
    const raw = script.slice(pieceStart, end)
    const lead = raw.length - raw.trimStart().length
    const text = raw.trim()
    if (text) spans.push({ text, start: pieceStart + lead, end: next })
    pieceStart = next
    sawCreateTrigger = false
    triggerDepth = 0
  }

  const endWord = (end: number) => {
    if (wordStart < 0) return
    const word = script.slice(wordStart, end).toUpperCase()
    wordStart = -1
    if (dialect !== 'sqlite') return
    if (
      word === 'TRIGGER' &&
      /CREATE\s+(TEMP\s+|TEMPORARY\s+)?$/i.test(script.slice(pieceStart, end - word.length))
    ) {
      sawCreateTrigger = true
    } else if (sawCreateTrigger && (word === 'BEGIN' || word === 'CASE')) {
      triggerDepth++
    } else if (sawCreateTrigger && word === 'END' && triggerDepth > 0) {
      triggerDepth--
    }
  }

  while (i < script.length) {
    const ch = script[i]!
    const next = script[i + 1]
    if (/[A-Za-z_]/.test(ch)) {
      if (wordStart < 0) wordStart = i
      i++
      continue
    }
    if (wordStart >= 0 && /[0-9$]/.test(ch)) {
      i++
      continue
    }
    endWord(i)
    if (ch === '-' && next === '-') i = skipLine(script, i)
    else if (ch === '#' && dialect === 'mysql') i = skipLine(script, i)
    else if (ch === '/' && next === '*') i = skipBlockComment(script, i, dialect === 'postgres')
    else if (ch === "'" || ch === '"' || (ch === '`' && dialect === 'mysql')) {
      i = skipQuoted(script, i, ch, dialect === 'mysql' && ch !== '`')
    } else if (ch === '$' && dialect === 'postgres') i = skipDollarQuote(script, i)
    else if (ch === ';' && triggerDepth === 0) {
      pushPiece(i, i + 1)
      i++
    } else i++
  }
  endWord(script.length)
  pushPiece(script.length, script.length)
  return spans
}

/** The statement the cursor is in, or the one just before it when the cursor sits after a semicolon. */
export function statementAt(
  script: string,
  offset: number,
  dialect: DialectName,
): StatementSpan | undefined {
  const spans = splitStatements(script, dialect)
  return (
    spans.find((s) => offset >= s.start && offset <= s.end) ??
    [...spans].reverse().find((s) => s.start <= offset) ??
    spans[0]
  )
}

function skipLine(script: string, i: number): number {
  const nl = script.indexOf('\n', i)
  return nl < 0 ? script.length : nl + 1
}

function skipBlockComment(script: string, i: number, nested: boolean): number {
  let depth = 1
  let j = i + 2
  while (j < script.length && depth > 0) {
    if (script[j] === '*' && script[j + 1] === '/') {
      depth--
      j += 2
    } else if (nested && script[j] === '/' && script[j + 1] === '*') {
      depth++
      j += 2
    } else j++
  }
  return j
}

function skipQuoted(script: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1
  while (j < script.length) {
    const c = script[j]
    if (backslashEscapes && c === '\\') j += 2
    else if (c === quote) {
      if (script[j + 1] === quote) j += 2
      else return j + 1
    } else j++
  }
  return script.length
}

function skipDollarQuote(script: string, i: number): number {
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 64))
  if (!tag) return i + 1
  const close = script.indexOf(tag[0], i + tag[0].length)
  return close < 0 ? script.length : close + tag[0].length
}

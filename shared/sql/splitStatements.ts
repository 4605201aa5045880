import type { DialectName } from '../connectionUrl'

/**
 * One statement of a script, with its offsets in the script so the editor can
 * map a server error position back to a line and column.
 */
export interface StatementSpan {
  /** The statement without surrounding whitespace or its terminator. */
  text: string
  /** Offset of `text` in the script. */
  start: number
  /** Offset just past the terminator, or the end of the script. */
  end: number
}

/**
 * A slice of the script. Pieces are contiguous and cover it all, so they
 * always join back to the input. A piece holds a statement, or nothing to run:
 * blanks, comments, stray terminators, or a MySQL client `DELIMITER` command.
 */
export interface Piece {
  start: number
  end: number
  statement: StatementSpan | null
}

/**
 * Splits a script on its statement terminators, skipping those inside strings,
 * quoted identifiers, comments (`--`, MySQL `#`, `/* *\/`, nested on
 * PostgreSQL), PostgreSQL dollar quotes and `BEGIN ATOMIC` bodies, SQLite
 * trigger bodies, and honouring MySQL's `DELIMITER`. It is a lexer, not a
 * parser: anything it does not recognise is plain text, so it never throws.
 */
export function splitPieces(script: string, dialect: DialectName): Piece[] {
  return new Splitter(script, dialect).run()
}

export function splitStatements(script: string, dialect: DialectName): StatementSpan[] {
  return splitPieces(script, dialect).flatMap((piece) => (piece.statement ? [piece.statement] : []))
}

/** The statement the cursor is in, or the one just before it when the cursor sits after a terminator. */
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

const isWordStart = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127
const isWordPart = (code: number) => isWordStart(code) || (code >= 48 && code <= 57) || code === 36

class Splitter {
  private readonly pieces: Piece[] = []
  private pieceStart = 0
  /** Where the first code (not blank, not comment) of the current piece is; -1 while there is none. */
  private codeStart = -1
  private delimiter = ';'
  /** The current piece's first and latest words, upper-cased, for the block rules. */
  private firstWord = ''
  private previousWord = ''
  private sawTrigger = false
  private blockDepth = 0

  constructor(
    private readonly script: string,
    private readonly dialect: DialectName,
  ) {}

  run(): Piece[] {
    const { script, dialect } = this
    let i = 0
    while (i < script.length) {
      const code = script.charCodeAt(i)
      const ch = script[i]!
      const next = script[i + 1]
      if (this.delimiter !== ';' && script.startsWith(this.delimiter, i)) {
        i = this.endPiece(i, i + this.delimiter.length)
      } else if (ch === ';' && this.delimiter === ';' && this.blockDepth === 0) {
        i = this.endPiece(i, i + 1)
      } else if (
        ch === '-' &&
        next === '-' &&
        (dialect !== 'mysql' || /[\s]|^$/.test(script[i + 2] ?? ''))
      ) {
        i = this.skipLine(i)
      } else if (ch === '#' && dialect === 'mysql') {
        i = this.skipLine(i)
      } else if (ch === '/' && next === '*') {
        i = this.skipBlockComment(i)
      } else if (/\s/.test(ch)) {
        i++
      } else if (isWordStart(code)) {
        i = this.word(i)
      } else if (ch === "'" || ch === '"' || (ch === '`' && dialect !== 'postgres')) {
        this.code(i)
        i = this.skipQuoted(i, ch, dialect === 'mysql' && ch !== '`')
      } else if (ch === '[' && dialect === 'sqlite') {
        this.code(i)
        const close = script.indexOf(']', i + 1)
        i = close < 0 ? script.length : close + 1
      } else if (ch === '$' && dialect === 'postgres') {
        this.code(i)
        i = this.skipDollarQuote(i)
      } else {
        this.code(i)
        i++
      }
    }
    this.endPiece(script.length, script.length)
    return this.pieces
  }

  private code(at: number): void {
    if (this.codeStart < 0) this.codeStart = at
  }

  /** A word: a keyword for the block rules, a DELIMITER command, or a prefix such as PostgreSQL's E''. */
  private word(i: number): number {
    const { script } = this
    let j = i + 1
    const custom = this.delimiter !== ';'
    // `END$$`: a custom delimiter may follow a word directly, and `$` is a word character.
    while (
      j < script.length &&
      isWordPart(script.charCodeAt(j)) &&
      !(custom && script.startsWith(this.delimiter, j))
    )
      j++
    const upper = script.slice(i, j).toUpperCase()
    if (
      this.dialect === 'mysql' &&
      upper === 'DELIMITER' &&
      this.codeStart < 0 &&
      /[ \t]/.test(script[j] ?? '')
    ) {
      return this.delimiterCommand(i, j)
    }
    this.code(i)
    if (this.dialect === 'postgres' && (upper === 'E' || upper === 'U&') && script[j] === "'") {
      return this.skipQuoted(j, "'", upper === 'E')
    }
    this.block(upper)
    if (!this.firstWord) this.firstWord = upper
    if (upper === 'TRIGGER') this.sawTrigger = true
    this.previousWord = upper
    return j
  }

  /**
   * Bodies that hold semicolons: SQLite's CREATE TRIGGER … BEGIN … END and
   * PostgreSQL's BEGIN ATOMIC … END, where CASE … END nests inside.
   */
  private block(upper: string): void {
    if (this.firstWord !== 'CREATE') return
    if (this.dialect === 'sqlite' && this.sawTrigger) {
      if (upper === 'BEGIN' || (upper === 'CASE' && this.blockDepth > 0)) this.blockDepth++
      else if (upper === 'END' && this.blockDepth > 0) this.blockDepth--
    } else if (this.dialect === 'postgres') {
      if (upper === 'ATOMIC' && this.previousWord === 'BEGIN') this.blockDepth++
      else if (upper === 'CASE' && this.blockDepth > 0) this.blockDepth++
      else if (upper === 'END' && this.blockDepth > 0) this.blockDepth--
    }
  }

  /** `DELIMITER $$` (to the end of its line) changes what ends a statement; it is not itself sent. */
  private delimiterCommand(i: number, afterWord: number): number {
    const { script } = this
    const lineEnd = script.indexOf('\n', afterWord)
    const end = lineEnd < 0 ? script.length : lineEnd + 1
    const argument = script
      .slice(afterWord, lineEnd < 0 ? script.length : lineEnd)
      .trim()
      .split(/\s+/)[0]
    if (i > this.pieceStart) this.push(this.pieceStart, i, null)
    this.push(i, end, null)
    if (argument) this.delimiter = argument
    this.reset(end)
    return end
  }

  private endPiece(at: number, next: number): number {
    const statement =
      this.codeStart >= 0
        ? {
            text: this.script.slice(this.codeStart, at).trimEnd(),
            start: this.codeStart,
            end: next,
          }
        : null
    this.push(this.pieceStart, next, statement)
    this.reset(next)
    return next
  }

  private push(start: number, end: number, statement: StatementSpan | null): void {
    if (end > start) this.pieces.push({ start, end, statement })
  }

  private reset(at: number): void {
    this.pieceStart = at
    this.codeStart = -1
    this.firstWord = ''
    this.previousWord = ''
    this.sawTrigger = false
    this.blockDepth = 0
  }

  private skipLine(i: number): number {
    const nl = this.script.indexOf('\n', i)
    return nl < 0 ? this.script.length : nl + 1
  }

  private skipBlockComment(i: number): number {
    const { script } = this
    const nested = this.dialect === 'postgres'
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

  private skipQuoted(i: number, quote: string, backslashEscapes: boolean): number {
    const { script } = this
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

  private skipDollarQuote(i: number): number {
    const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(
      this.script.slice(i, i + 64),
    )
    if (!tag) return i + 1
    const close = this.script.indexOf(tag[0], i + tag[0].length)
    return close < 0 ? this.script.length : close + tag[0].length
  }
}

import type { DialectName } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'

/**
 * The table tab's WHERE box as one condition the page's statement can hold.
 * It is the user's own SQL and goes in as written, wrapped in parentheses;
 * this checks only that it stays one expression inside them. Strings,
 * quoted names, PostgreSQL dollar quotes and comments (`--`, MySQL's `#`,
 * `/* *\/`) are skipped as the dialect reads them.
 *
 * Returns the condition trimmed ('' for none: blank, or comments only).
 * Throws BAD_REQUEST, saying where, for a `)` that would close the wrapping
 * (`1=1) OR (1=1` would escape the filters and the page's keyset), a `(` or
 * a quote left open, or a `;` (a second statement).
 */
export function rawCondition(where: string, dialect: DialectName): string {
  const text = where.trim()
  let depth = 0
  let code = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    const next = text[i + 1]
    if ((c === '-' && next === '-') || (c === '#' && dialect === 'mysql')) {
      i = lineEnd(text, i)
      continue
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2)
      if (end < 0) refuse(`the comment that starts at character ${i + 1} is not closed`)
      i = end + 1
      continue
    }
    if (/\s/.test(c)) continue
    code = true
    if (c === "'" || c === '"' || (c === '`' && dialect !== 'postgres')) {
      const end = closingQuote(text, i, dialect === 'mysql' && c !== '`')
      if (end < 0) refuse(`the ${c} at character ${i + 1} is not closed`)
      i = end
    } else if (c === '$' && dialect === 'postgres' && /^\$\w*\$/.test(text.slice(i))) {
      const tag = /^\$\w*\$/.exec(text.slice(i))![0]
      const end = text.indexOf(tag, i + tag.length)
      if (end < 0) refuse(`the dollar quote at character ${i + 1} is not closed`)
      i = end + tag.length - 1
    } else if (c === ';')
      refuse(`there is a ";" at character ${i + 1}: the box takes one condition`)
    else if (c === '(') depth++
    else if (c === ')' && --depth < 0)
      refuse(`the ")" at character ${i + 1} closes a "(" the condition did not open`)
  }
  if (depth > 0) refuse(`${depth === 1 ? 'a "(" is' : `${depth} "(" are`} not closed`)
  return code ? text : ''
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end < 0 ? text.length : end
}

/** The index of the quote that closes the one at `open`: doubled quotes stay inside; MySQL strings also take `\` escapes. */
function closingQuote(text: string, open: number, backslashEscapes: boolean): number {
  const quote = text[open]
  for (let i = open + 1; i < text.length; i++) {
    if (backslashEscapes && text[i] === '\\') i++
    else if (text[i] === quote) {
      if (text[i + 1] === quote) i++
      else return i
    }
  }
  return -1
}

function refuse(why: string): never {
  throw new SluiceError({
    code: 'BAD_REQUEST',
    message: `The WHERE condition cannot be used: ${why}`,
  })
}

import { minifyJson } from './minifyJson'

/**
 * JSON text laid out one member per line, indented by `indent` spaces per
 * level, like `JSON.stringify(value, null, indent)` but working on the text:
 * every token stays as written, so digits a double cannot hold and repeated
 * keys survive. Takes valid JSON (RFC 8259); empty objects and arrays stay
 * on one line (`{}`, `[]`).
 */
export function prettyJson(text: string, indent = 2): string {
  const compact = minifyJson(text)
  let out = ''
  let depth = 0
  const newline = () => '\n' + ' '.repeat(depth * indent)
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!
    if (c === '"') {
      // Copy the whole string, escapes included.
      let j = i + 1
      while (j < compact.length && compact[j] !== '"') j += compact[j] === '\\' ? 2 : 1
      out += compact.slice(i, j + 1)
      i = j
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      if (compact[i + 1] === close) {
        out += c + close
        i++
      } else {
        depth++
        out += c + newline()
      }
    } else if (c === '}' || c === ']') {
      depth--
      out += newline() + c
    } else if (c === ',') out += ',' + newline()
    else if (c === ':') out += ': '
    else out += c
  }
  return out
}

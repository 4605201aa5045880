/**
 * JSON text with the whitespace between tokens taken out and every token kept
 * as written: numbers keep their digits (no trip through a double, which would
 * round integers beyond 2^53), strings their escapes. For text that is JSON
 * (RFC 8259); anything else comes back with its whitespace outside strings
 * removed, so check validity first.
 */
export function minifyJson(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (inString) {
      out += c
      if (c === '\\') out += text[++i] ?? ''
      else if (c === '"') inString = false
    } else if (c === '"') {
      inString = true
      out += c
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') out += c
  }
  return out
}

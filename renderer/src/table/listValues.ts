/**
 * The values of an "in list" condition as typed: separated by commas, each
 * trimmed; a value that holds a comma or spaces at its ends is written in
 * double quotes, with "" for a quote inside (as CSV does).
 */
export function parseListValues(text: string): string[] {
  const values: string[] = []
  /** A trailing comma leaves an empty unquoted value, which is dropped; a quoted "" is kept. */
  let lastQuoted = false
  let i = 0
  while (i <= text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++
    if (text[i] === '"') {
      let value = ''
      i++
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"'
          i += 2
        } else if (text[i] === '"') {
          i++
          break
        } else value += text[i++]
      }
      values.push(value)
      lastQuoted = true
      while (i < text.length && text[i] !== ',') i++
    } else {
      const end = text.indexOf(',', i)
      const stop = end < 0 ? text.length : end
      values.push(text.slice(i, stop).trim())
      lastQuoted = false
      i = stop
    }
    i++
  }
  if (values.at(-1) === '' && !lastQuoted) values.pop()
  return values
}

/** The text that parses back to `values`, for showing a saved condition. */
export function formatListValues(values: readonly string[]): string {
  return values
    .map((v) => (/[",]|^\s|\s$/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v))
    .join(', ')
}

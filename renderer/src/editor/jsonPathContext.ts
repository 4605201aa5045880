/**
 * Where the cursor is inside a JSON path being typed after a column:
 * `json_extract(data, '$.favorite_food[0].` (SQLite, MySQL, MariaDB's
 * JSON_VALUE/JSON_QUERY), `data->>'$.` (MySQL, SQLite) or `data->'a'->>'`
 * (PostgreSQL). `path` holds the keys typed so far ("0" for an index),
 * `partial` the key being typed.
 */
export interface JsonPathContext {
  column: string
  path: string[]
  partial: string
  style: 'dollar' | 'arrow'
}

const name = String.raw`([\p{L}_][\p{L}\p{N}_$]*|"(?:[^"]|"")+"|\x60(?:[^\x60]|\x60\x60)+\x60)`
const dollar = new RegExp(String.raw`${name}\s*(?:,|->>?)\s*'\$([^']*)$`, 'u')
const arrow = new RegExp(
  String.raw`${name}((?:\s*->\s*(?:'(?:[^']|'')*'|\d+))*)\s*->>?\s*'([^']*)$`,
  'u',
)

export function jsonPathContext(before: string): JsonPathContext | null {
  const byDollar = dollar.exec(before)
  if (byDollar) {
    const steps = dollarSteps(byDollar[2]!)
    if (steps === null) return null
    return { column: unquote(byDollar[1]!), ...steps, style: 'dollar' }
  }
  const byArrow = arrow.exec(before)
  if (byArrow) {
    const path = [...byArrow[2]!.matchAll(/->\s*(?:'((?:[^']|'')*)'|(\d+))/g)].map(
      (m) => m[2] ?? m[1]!.replaceAll("''", "'"),
    )
    return { column: unquote(byArrow[1]!), path, partial: byArrow[3]!, style: 'arrow' }
  }
  return null
}

/** `.a[0]."b c".pa` → path [a, 0, b c], partial "pa"; null where the cursor is not after a key's start. */
function dollarSteps(text: string): { path: string[]; partial: string } | null {
  const path: string[] = []
  const step = /\.(?:"((?:[^"\\]|\\.)*)"|([^.[\s"]*))|\[(\d+|\*)\]/gy
  let partial: string | null = null
  let match: RegExpExecArray | null
  while ((match = step.exec(text)) !== null) {
    if (partial !== null) path.push(partial)
    partial = null
    if (match[3] !== undefined) path.push('0')
    else partial = match[1] !== undefined ? JSON.parse(`"${match[1]}"`) : match[2]!
    if (step.lastIndex === text.length) break
  }
  // After a bare `$` or an index, a key needs its dot first.
  if (text === '' || step.lastIndex !== text.length || partial === null) return null
  return { path, partial }
}

function unquote(identifier: string): string {
  const quote = identifier[0]
  if (quote !== '"' && quote !== '`') return identifier
  return identifier.slice(1, -1).replaceAll(quote + quote, quote)
}

/**
 * MySQL and SQLite report syntax errors as "near '<text>'" rather than as an
 * offset. This finds that text in the statement so the editor can still
 * underline it. Returns a 1-based offset, or undefined when it cannot tell.
 */
export function positionOfNearText(
  sql: string,
  near: string | undefined,
  line = 1,
): number | undefined {
  if (near === undefined) return undefined
  if (near === '') return sql.trimEnd().length || undefined
  let lineStart = 0
  for (let l = 1; l < line; l++) {
    const nl = sql.indexOf('\n', lineStart)
    if (nl < 0) break
    lineStart = nl + 1
  }
  const at = sql.indexOf(near, lineStart)
  const found = at >= 0 ? at : sql.indexOf(near)
  return found >= 0 ? found + 1 : undefined
}

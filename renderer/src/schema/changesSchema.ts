/** Whether a statement may have changed the schema, so the browser should read it again. */
export function changesSchema(sql: string): boolean {
  const code = sql
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(--|#)[^\n]*/g, ' ')
    .trim()
  return /^(CREATE|ALTER|DROP|RENAME|COMMENT|TRUNCATE)\b/i.test(code)
}

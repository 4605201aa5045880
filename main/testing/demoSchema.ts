import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DialectName } from '../../shared/connectionUrl'
import { splitStatements } from '../../shared/sql/splitStatements'

const root = join(import.meta.dirname, '..', '..')

/**
 * The demo schema's CREATE statements: SQLite's from the bundled demo script
 * (its rows left out), the servers' from their translations beside the diff.
 */
export function demoSchema(dialect: DialectName): string {
  if (dialect !== 'sqlite')
    return readFileSync(join(root, 'main', 'diff', 'fixtures', `demo-${dialect}.sql`), 'utf8')
  const script = readFileSync(join(root, 'resources', 'demo', 'demo.sql'), 'utf8')
  return splitStatements(script, 'sqlite')
    .map((s) => s.text)
    .filter((s) => /^\s*CREATE\b/i.test(s))
    .map((s) => `${s};\n`)
    .join('\n')
}

/** The demo schema with `definition` appended to blog_article's column list. */
export function withArticleColumn(schema: string, definition: string): string {
  const start = schema.indexOf('CREATE TABLE blog_article (')
  const end = schema.indexOf('\n);', start)
  return `${schema.slice(0, end)},\n  ${definition}${schema.slice(end)}`
}

import type { DialectName } from '../connectionUrl'

/**
 * The one place generated SQL quotes a name or a string, per dialect. Both the
 * engine and the UI use it, so "Open table" and later DDL quote alike.
 */
export function quoteIdentifier(dialect: DialectName, name: string): string {
  assertNoNul(name)
  return dialect === 'mysql'
    ? '`' + name.replaceAll('`', '``') + '`'
    : '"' + name.replaceAll('"', '""') + '"'
}

/** A schema-qualified name; the schema is left out where it is the connection's default. */
export function qualifiedName(
  dialect: DialectName,
  schema: string | undefined,
  name: string,
): string {
  const implicit =
    schema === undefined ||
    schema === '' ||
    (dialect === 'sqlite' && schema === 'main') ||
    (dialect === 'postgres' && schema === 'public')
  return implicit
    ? quoteIdentifier(dialect, name)
    : `${quoteIdentifier(dialect, schema)}.${quoteIdentifier(dialect, name)}`
}

/**
 * An existing object's name with its schema always, even the connection's
 * default one: for statements on one object the user chose (a table's page,
 * TRUNCATE, DROP, an edit), so a temporary table of the same name or a
 * changed search_path can never redirect them to another object.
 */
export function exactName(dialect: DialectName, schema: string, name: string): string {
  return `${quoteIdentifier(dialect, schema)}.${quoteIdentifier(dialect, name)}`
}

const mysqlEscapes: Record<string, string> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  "'": "''",
  '\\': '\\\\',
}

export function quoteLiteral(dialect: DialectName, value: string): string {
  assertNoNul(dialect === 'mysql' ? '' : value)
  if (dialect === 'mysql')
    return "'" + Array.from(value, (c) => mysqlEscapes[c] ?? c).join('') + "'"
  // PostgreSQL reads backslashes literally in standard strings only; E'' makes the escaping explicit either way.
  if (dialect === 'postgres' && value.includes('\\'))
    return "E'" + value.replaceAll('\\', '\\\\').replaceAll("'", "''") + "'"
  return "'" + value.replaceAll("'", "''") + "'"
}

function assertNoNul(text: string): void {
  // Neither PostgreSQL nor SQLite can hold NUL in a name or text value; failing here beats truncating silently.
  if (text.includes('\0')) throw new RangeError('SQL text cannot contain the NUL character')
}

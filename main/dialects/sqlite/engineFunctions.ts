import type Database from 'better-sqlite3'

/**
 * Functions SQLite leaves to the application: REGEXP calls `regexp`, and
 * `lower` folds only ASCII. JSON filters need both with the meaning they have
 * on PostgreSQL and MySQL, so the engine process defines them on every open.
 */
export function defineEngineFunctions(db: Database.Database): void {
  const patterns = new Map<string, RegExp>()
  db.function('regexp', { deterministic: true }, (pattern: unknown, text: unknown) => {
    if (pattern === null || text === null) return null
    let regex = patterns.get(String(pattern))
    if (regex === undefined) {
      regex = compile(String(pattern))
      if (patterns.size > 100) patterns.clear()
      patterns.set(String(pattern), regex)
    }
    return regex.test(String(text)) ? 1 : 0
  })
  db.function('sluice_lower', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  )
}

/** A leading `(?i)` asks for case-insensitive matching, as in PCRE and PostgreSQL. */
function compile(pattern: string): RegExp {
  const insensitive = pattern.startsWith('(?i)')
  return new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? 'iu' : 'u')
}

import type { Rename } from '../../shared/schema/SchemaChange'

/**
 * The rename candidates a migration's own statements state: one that says
 * RENAME (or MySQL's CHANGE) and names both the old and the new name. A
 * migration's text is not a model diff, so nobody is there to be asked, but
 * counting a renamed column's values as lost would be wrong.
 */
export function statedRenames(candidates: Rename[], statements: string[]): Rename[] {
  const renaming = statements
    .filter((s) => /\b(rename|change)\b/i.test(s))
    .join('\n')
    .toLowerCase()
  return candidates.filter(
    (r) => renaming.includes(r.from.toLowerCase()) && renaming.includes(r.to.toLowerCase()),
  )
}

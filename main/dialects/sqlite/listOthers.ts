import type Database from 'better-sqlite3'
import type { OtherObject, OtherObjectRef } from '../../../shared/schemaContract'
import { identifierValue, isWord, tokenize } from './sqlTokens'

export interface TriggerRow {
  name: string
  tbl: string
  sql: string
}

// `@name` narrows the read to one trigger.
export const triggersSql = `
SELECT name, tbl_name AS tbl, sql FROM sqlite_schema
WHERE type = 'trigger' AND (@name IS NULL OR name = @name)
ORDER BY name`

/** SQLite's only objects beside tables, views and indexes: triggers, from sqlite_schema in one query. */
export function listOthers(db: Database.Database, only: OtherObjectRef | null): OtherObject[] {
  if (only && only.kind !== 'trigger') return []
  const rows = db.prepare(triggersSql).all({ name: only?.name ?? null }) as TriggerRow[]
  return rows
    .map((t): OtherObject => ({
      schema: 'main',
      name: t.name,
      kind: 'trigger',
      detail: `${triggerEvent(t.sql)} ON ${t.tbl}`,
      identity: t.tbl,
    }))
    .filter((o) => !only || o.identity === only.identity)
}

/**
 * `BEFORE UPDATE OF a, b` from the stored CREATE TRIGGER text: the catalog
 * keeps nothing else. Read by position, since a trigger may be named `after`.
 */
function triggerEvent(sql: string): string {
  const tokens = tokenize(sql)
  let i = tokens.findIndex((t) => isWord(t, 'TRIGGER')) + 1
  if (isWord(tokens[i], 'IF')) i += 3
  i += tokens[i + 1]?.text === '.' ? 3 : 1
  // SQLite's default when no timing is written.
  let timing = 'BEFORE'
  if (isWord(tokens[i], 'BEFORE', 'AFTER')) timing = tokens[i++]!.keyword
  else if (isWord(tokens[i], 'INSTEAD')) {
    timing = 'INSTEAD OF'
    i += 2
  }
  const event = tokens[i]?.keyword ?? ''
  const columns: string[] = []
  if (isWord(tokens[i + 1], 'OF'))
    for (let k = i + 2; k < tokens.length && !isWord(tokens[k], 'ON'); k++)
      if (tokens[k]!.text !== ',') columns.push(identifierValue(tokens[k]!))
  return `${timing} ${event}${columns.length > 0 ? ` OF ${columns.join(', ')}` : ''}`
}

import type { OtherObject } from '../../shared/schemaContract'
import { exactName } from '../../shared/sql/quote'
import type { Dialect } from '../dialects/types'

/** A table or view as the catalog has it, or another object as `listOthers` read it. */
export type DropTarget =
  | { kind: 'table'; schema: string; name: string }
  | { kind: 'view'; schema: string; name: string; materialized: boolean }
  | OtherObject

const keywords: Record<Exclude<DropTarget['kind'], 'view' | 'trigger'>, string> = {
  table: 'TABLE',
  sequence: 'SEQUENCE',
  type: 'TYPE',
  domain: 'DOMAIN',
  function: 'FUNCTION',
  procedure: 'PROCEDURE',
  event: 'EVENT',
}

/**
 * The DROP for the object's kind, never CASCADE: objects that depend on it
 * make the server refuse, and the user sees which. A routine's arguments,
 * where the dialect needs them, are its identity as the catalog printed it
 * and was matched against, never text the caller sent.
 */
export function dropStatement(dialect: Dialect, object: DropTarget): string {
  const name = exactName(dialect.name, object.schema, object.name)
  if (object.kind === 'view')
    return `DROP ${object.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${name}`
  if (object.kind === 'trigger')
    return dialect.capabilities.triggersPerTable
      ? `DROP TRIGGER ${dialect.quoteIdentifier(object.name)} ON ${exactName(dialect.name, object.schema, object.identity)}`
      : `DROP TRIGGER ${name}`
  const routine = object.kind === 'function' || object.kind === 'procedure'
  const args = routine && dialect.capabilities.overloadedRoutines ? `(${object.identity})` : ''
  return `DROP ${keywords[object.kind]} ${name}${args}`
}

import type Database from 'better-sqlite3'
import type { OtherObjectRef } from '../../../shared/schemaContract'
import { triggersSql, type TriggerRow } from './listOthers'

/** A trigger's CREATE statement as it was written, kept in sqlite_schema; null when it is gone. */
export function definitionOf(db: Database.Database, object: OtherObjectRef): string[] | null {
  if (object.kind !== 'trigger') return null
  const row = db.prepare(triggersSql).get({ name: object.name }) as TriggerRow | undefined
  return row ? [row.sql] : null
}

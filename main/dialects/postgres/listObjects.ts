import type pg from 'pg'
import type { SchemaObject, SchemaObjects } from '../../../shared/contract'
import { namespacesSql, objectsSql } from './catalogQueries'

/** Names and pg_class.reltuples estimates, in two catalog queries. */
export async function listObjects(client: pg.Client): Promise<SchemaObjects> {
  const namespaces = await client.query<{ name: string }>(namespacesSql)
  const objects = await client.query<SchemaObject>(objectsSql)
  return { namespaces: namespaces.rows.map((n) => n.name), objects: objects.rows }
}

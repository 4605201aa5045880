import type pg from 'pg'
import type { OtherObjectRef } from '../../../shared/schemaContract'
import { createEnum, createSequence, id, ownSequence, qualified } from './generateDdl'
import { readOthers, type DomainRow, type SequenceRow, type TypeRow } from './listOthers'
import { functionDefinitionSql, triggerDefinitionSql } from './otherObjectQueries'

/**
 * The object's CREATE statements, without semicolons: functions, procedures
 * and triggers as the server prints them (pg_get_functiondef,
 * pg_get_triggerdef); types, domains and sequences, which it has no printer
 * for, built from the catalog. Null when the object is gone.
 */
export async function definitionOf(
  client: pg.Client,
  object: OtherObjectRef,
): Promise<string[] | null> {
  const [match] = await readOthers(client, object)
  if (!match) return null
  const { found } = match
  switch (found.kind) {
    case 'sequence':
      return sequenceDdl(found.row)
    case 'type':
      return [typeDdl(found.row)]
    case 'domain':
      return [domainDdl(found.row)]
    case 'routine':
      return serverDdl(client, functionDefinitionSql, found.row.oid)
    case 'trigger':
      return serverDdl(client, triggerDefinitionSql, found.row.oid)
  }
}

/** Null when the object was dropped between the two reads: the printers return NULL for an unknown OID. */
async function serverDdl(client: pg.Client, sql: string, oid: string): Promise<string[] | null> {
  const { rows } = await client.query<{ ddl: string | null }>(sql, [oid])
  const ddl = rows[0]?.ddl
  return ddl ? [ddl.trim()] : null
}

function sequenceDdl(row: SequenceRow): string[] {
  const create = createSequence(row.ns, row)
  return row.ownedBy ? [create, ownSequence(row.ns, row, row.ownedBy)] : [create]
}

function typeDdl(row: TypeRow): string {
  const name = qualified(row.ns, row.name)
  if (row.typtype === 'e') return createEnum(row.ns, { name: row.name, values: row.values ?? [] })
  if (row.typtype === 'c') {
    const attributes = (row.attributes ?? []).map(
      (a) => `${id(a.name)} ${a.type}${a.collation ? ` COLLATE ${id(a.collation)}` : ''}`,
    )
    return `CREATE TYPE ${name} AS (\n  ${attributes.join(',\n  ')}\n)`
  }
  const options = [`SUBTYPE = ${row.subtype ?? ''}`]
  if (row.opclass) options.push(`SUBTYPE_OPCLASS = ${qualified(row.opclassNs ?? '', row.opclass)}`)
  if (row.collation) options.push(`COLLATION = ${id(row.collation)}`)
  if (row.canonical) options.push(`CANONICAL = ${qualified(row.canonicalNs ?? '', row.canonical)}`)
  if (row.diff) options.push(`SUBTYPE_DIFF = ${qualified(row.diffNs ?? '', row.diff)}`)
  if (row.multirange)
    options.push(`MULTIRANGE_TYPE_NAME = ${qualified(row.multirangeNs ?? '', row.multirange)}`)
  return `CREATE TYPE ${name} AS RANGE (${options.join(', ')})`
}

function domainDdl(row: DomainRow): string {
  let text = `CREATE DOMAIN ${qualified(row.ns, row.name)} AS ${row.base}`
  if (row.collation) text += ` COLLATE ${id(row.collation)}`
  if (row.default !== null) text += ` DEFAULT ${row.default}`
  if (row.notNull) text += ' NOT NULL'
  for (const check of row.checks) text += `\n  CONSTRAINT ${id(check.name)} ${check.definition}`
  return text
}

import type pg from 'pg'
import type { Sequence } from '../../../shared/schema/model'
import type { OtherObject, OtherObjectRef } from '../../../shared/schemaContract'
import * as q from './otherObjectQueries'

export type SequenceRow = Sequence & { ns: string }

export interface TypeRow {
  ns: string
  name: string
  /** e: enum, c: composite, r: range. */
  typtype: 'e' | 'c' | 'r'
  values: string[] | null
  attributes: { name: string; type: string; collation: string | null }[] | null
  subtype: string | null
  opclassNs: string | null
  opclass: string | null
  collation: string | null
  canonicalNs: string | null
  canonical: string | null
  diffNs: string | null
  diff: string | null
  multirangeNs: string | null
  multirange: string | null
}

export interface DomainRow {
  ns: string
  name: string
  base: string
  notNull: boolean
  default: string | null
  collation: string | null
  checks: { name: string; definition: string }[]
}

export interface RoutineRow {
  oid: string
  ns: string
  name: string
  prokind: 'f' | 'p'
  arguments: string
  result: string | null
  identity: string
}

export interface TriggerRow {
  oid: string
  ns: string
  name: string
  table: string
  timing: string
  events: string
}

/** A catalog row with the kind it was read as, for building the object's DDL. */
export type OtherRow =
  | { kind: 'sequence'; row: SequenceRow }
  | { kind: 'type'; row: TypeRow }
  | { kind: 'domain'; row: DomainRow }
  | { kind: 'routine'; row: RoutineRow }
  | { kind: 'trigger'; row: TriggerRow }

export interface FoundOther {
  object: OtherObject
  found: OtherRow
}

const readers: {
  [K in OtherRow['kind']]: {
    kinds: OtherObject['kind'][]
    sql: (only: boolean) => string
    object: (row: Extract<OtherRow, { kind: K }>['row']) => OtherObject
  }
} = {
  sequence: {
    kinds: ['sequence'],
    sql: q.sequencesSql,
    object: (row) =>
      other(row, 'sequence', row.ownedBy ? `${row.type}, owned by ${row.ownedBy}` : row.type),
  },
  type: {
    kinds: ['type'],
    sql: q.typesSql,
    object: (row) => other(row, 'type', typeDetail(row)),
  },
  domain: {
    kinds: ['domain'],
    sql: q.domainsSql,
    object: (row) =>
      other(
        row,
        'domain',
        row.base +
          (row.notNull ? ' NOT NULL' : '') +
          (row.default === null ? '' : ` DEFAULT ${row.default}`),
      ),
  },
  routine: {
    kinds: ['function', 'procedure'],
    sql: q.routinesSql,
    object: (row) =>
      row.prokind === 'p'
        ? other(row, 'procedure', `(${row.arguments})`, row.identity)
        : other(row, 'function', `(${row.arguments}) → ${row.result ?? ''}`, row.identity),
  },
  trigger: {
    kinds: ['trigger'],
    sql: q.triggersSql,
    object: (row) =>
      other(row, 'trigger', `${row.timing} ${row.events} ON ${row.table}`, row.table),
  },
}

/**
 * Every other object with the catalog row it came from, one query per kind;
 * with `only`, one query for that object's kind, narrowed to it.
 */
export async function readOthers(client: pg.Client, only?: OtherObjectRef): Promise<FoundOther[]> {
  const out: FoundOther[] = []
  for (const kind of Object.keys(readers) as OtherRow['kind'][]) {
    const reader = readers[kind]
    if (only && !reader.kinds.includes(only.kind)) continue
    const values = only ? [only.schema, only.name] : []
    const { rows } = await client.query<OtherRow['row']>(reader.sql(only !== undefined), values)
    for (const row of rows) {
      const found = { kind, row } as OtherRow
      const object = (reader.object as (row: OtherRow['row']) => OtherObject)(row)
      if (!only || (object.kind === only.kind && object.identity === only.identity))
        out.push({ object, found })
    }
  }
  return out
}

/** Sequences, types, domains, functions, procedures and triggers, in five catalog queries. */
export async function listOthers(client: pg.Client, only?: OtherObjectRef): Promise<OtherObject[]> {
  return (await readOthers(client, only)).map((o) => o.object)
}

function typeDetail(row: TypeRow): string {
  if (row.typtype === 'e') return `enum (${(row.values ?? []).join(', ')})`
  if (row.typtype === 'r') return `range of ${row.subtype ?? ''}`
  return `(${(row.attributes ?? []).map((a) => `${a.name} ${a.type}`).join(', ')})`
}

function other(
  row: { ns: string; name: string },
  kind: OtherObject['kind'],
  detail: string,
  identity = '',
): OtherObject {
  return { schema: row.ns, name: row.name, kind, detail, identity }
}

import type pg from 'pg'
import type { ObjectRef } from '../../../shared/contract'
import type {
  Column,
  DatabaseSchema,
  ForeignKey,
  Namespace,
  ReferentialAction,
  Sequence,
  Table,
} from '../../../shared/schema/model'
import { blankNamespace, blankTable } from '../../schema/blankObjects'
import { groupBy } from '../../schema/groupBy'
import { inStableOrder } from '../../schema/stableOrder'
import * as q from './catalogQueries'
import { normalizeType } from './normalizeType'

interface RelationRow {
  oid: string
  ns: string
  name: string
  kind: string
  comment: string | null
  definition: string | null
}

interface ColumnRow {
  rel: string
  name: string
  type: string
  typname: string
  typtype: string
  typcategory: string
  not_null: boolean
  default_expr: string | null
  identity: string
  generated: string
  collation: string | null
  comment: string | null
}

interface ConstraintRow {
  rel: string
  name: string
  type: 'p' | 'u' | 'f' | 'c'
  columns: string[]
  ref_ns: string | null
  ref_table: string | null
  ref_columns: string[]
  on_delete: string
  on_update: string
  deferrable: boolean
  deferred: boolean
  /** Only for checks. */
  definition: string | null
}

interface IndexRow {
  rel: string
  name: string
  is_unique: boolean
  method: string
  predicate: string | null
  parts: string[]
  is_column: boolean[]
  descending: boolean[]
  opclasses: (string | null)[]
}

interface TriggerRow {
  rel: string
  name: string
  definition: string
}

const actions: Record<string, ReferentialAction> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
}

/**
 * The whole schema in nine catalog queries, however many tables there are;
 * with `only`, one table or view and nothing else, for the lazy browser.
 */
export async function introspect(
  client: pg.Client,
  only: ObjectRef | null = null,
): Promise<DatabaseSchema> {
  const scope = only ? q.oneRelation : ''
  const values = only ? [only.schema, only.name] : []
  const rows = async <T extends object>(sql: string) => (await client.query<T>(sql, values)).rows
  const whole = async <T extends object>(sql: string) => (only ? [] : rows<T>(sql))
  const namespaces = only ? [{ name: only.schema }] : await rows<{ name: string }>(q.namespacesSql)
  const relations = await rows<RelationRow>(q.relationsSql(scope))
  const columns = await rows<ColumnRow>(q.columnsSql(scope))
  const constraints = await rows<ConstraintRow>(q.constraintsSql(scope))
  const indexes = await rows<IndexRow>(q.indexesSql(scope))
  const triggers = await rows<TriggerRow>(q.triggersSql(scope))
  const sequences = await whole<Sequence & { ns: string }>(q.sequencesSql)
  const enums = await whole<{ ns: string; name: string; values: string[] }>(q.enumsSql)
  const routines = await whole<{ ns: string; name: string; signature: string; definition: string }>(
    q.routinesSql,
  )

  const model = new Map<string, Namespace>(namespaces.map((n) => [n.name, blankNamespace(n.name)]))
  const namespace = (name: string) => model.get(name)!
  const columnsOf = groupBy(columns, (c) => c.rel)
  const tables = new Map<string, Table>()

  for (const relation of relations) {
    const relationColumns = columnsOf.get(relation.oid) ?? []
    if (relation.kind === 'v' || relation.kind === 'm') {
      namespace(relation.ns).views.push({
        name: relation.name,
        materialized: relation.kind === 'm',
        definition: (relation.definition ?? '').trim().replace(/;$/, ''),
        columns: relationColumns.map((c) => c.name),
        comment: relation.comment,
      })
      continue
    }
    const table = blankTable(relation.name, relation.comment)
    table.columns = relationColumns.map(toColumn)
    tables.set(relation.oid, table)
    namespace(relation.ns).tables.push(table)
  }

  for (const c of constraints) {
    const table = tables.get(c.rel)
    if (!table) continue
    if (c.type === 'p') table.primaryKey = { name: c.name, columns: c.columns }
    else if (c.type === 'u') table.uniques.push({ name: c.name, columns: c.columns })
    else if (c.type === 'c')
      table.checks.push({ name: c.name, expression: checkExpression(c.definition ?? '') })
    else table.foreignKeys.push(toForeignKey(c))
  }
  for (const i of indexes) {
    tables.get(i.rel)?.indexes.push({
      name: i.name,
      unique: i.is_unique,
      parts: i.parts.map((expression, k) => ({
        expression,
        isColumn: i.is_column[k] === true,
        descending: i.descending[k] === true,
        operatorClass: i.opclasses[k] ?? null,
      })),
      where: i.predicate,
      method: i.method,
    })
  }
  for (const t of triggers)
    tables.get(t.rel)?.triggers.push({ name: t.name, definition: t.definition })
  for (const s of sequences) {
    const { ns, ...sequence } = s
    namespace(ns).sequences.push(sequence)
  }
  for (const e of enums) namespace(e.ns).enums.push({ name: e.name, values: e.values })
  for (const r of routines)
    namespace(r.ns).routines.push({
      name: r.name,
      signature: r.signature,
      definition: r.definition.trim(),
    })

  return { dialect: 'postgres', namespaces: inStableOrder([...model.values()]) }
}

function toColumn(row: ColumnRow): Column {
  const generated =
    row.generated === 's' ? { expression: row.default_expr ?? '', stored: true } : null
  return {
    name: row.name,
    type: row.type,
    normalizedType: normalizeType(row.typname, row.typtype, row.typcategory),
    nullable: !row.not_null,
    default: generated ? null : row.default_expr,
    identity: row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null,
    generated,
    onUpdate: null,
    collation: row.collation,
    comment: row.comment,
  }
}

function toForeignKey(row: ConstraintRow): ForeignKey {
  return {
    name: row.name,
    columns: row.columns,
    referencedNamespace: row.ref_ns ?? '',
    referencedTable: row.ref_table ?? '',
    referencedColumns: row.ref_columns,
    onDelete: actions[row.on_delete] ?? 'no action',
    onUpdate: actions[row.on_update] ?? 'no action',
    deferrable: !row.deferrable
      ? 'not deferrable'
      : row.deferred
        ? 'initially deferred'
        : 'initially immediate',
  }
}

/** pg_get_constraintdef prints `CHECK ((expr))`, sometimes followed by NOT VALID or NO INHERIT. */
function checkExpression(definition: string): string {
  return definition.replace(/^CHECK\s+/, '').replace(/\s+(NOT VALID|NO INHERIT)$/g, '')
}

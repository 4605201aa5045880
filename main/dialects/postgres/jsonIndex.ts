import type { Lookup } from '../../../shared/json/lookups'
import { quoteIdentifier } from '../../../shared/sql/quote'
import { jsonIndexName } from '../jsonIndexName'
import { scalarIndexKind } from '../jsonIndexKind'
import type { JsonIndexPlan, JsonIndexTarget } from '../types'
import { postgresJsonSql } from './jsonSql'

/**
 * GIN for containment (`jsonb_path_ops`, smaller and faster for `@>`) and
 * key tests (the default `jsonb_ops`, which has `?`); a btree on the path's
 * text for string equality, or on its jsonb value for number comparisons.
 */
export function postgresJsonIndex(target: JsonIndexTarget, lookup: Lookup): JsonIndexPlan | null {
  const sql = postgresJsonSql
  const json = sql.at(sql.document(quoteIdentifier('postgres', target.column)), lookup.path)
  const indexName = jsonIndexName([target.tableName, target.column, ...lookup.path], 'idx')
  const create = (using: string) =>
    `CREATE INDEX ${quoteIdentifier('postgres', indexName)} ON ${target.table} ${using}`
  const plan = (kind: string, using: string, note: string): JsonIndexPlan => ({
    kind,
    indexName,
    ddl: [create(using)],
    servedBy: '',
    note,
  })
  if (lookup.op === 'contains')
    return plan(
      'GIN (jsonb_path_ops)',
      `USING GIN ((${json}) jsonb_path_ops)`,
      'Serves @> on this path.',
    )
  if (lookup.op === 'has_key' || lookup.op === 'has_keys' || lookup.op === 'has_any_keys')
    return plan('GIN (jsonb_ops)', `USING GIN ((${json}))`, 'Serves ?, ?& and ?| on this path.')
  const kind = scalarIndexKind(lookup)
  if (kind === 'text')
    return plan('expression btree', `((${sql.text(json)}))`, "Serves equality on the path's text.")
  if (kind === 'number')
    return plan(
      'expression btree',
      `((${json}))`,
      'Serves comparisons of the jsonb value, which orders numbers numerically.',
    )
  return null
}

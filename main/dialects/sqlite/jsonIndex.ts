import type { Lookup } from '../../../shared/json/lookups'
import { quoteIdentifier } from '../../../shared/sql/quote'
import { jsonIndexName } from '../jsonIndexName'
import { scalarIndexKind } from '../jsonIndexKind'
import type { JsonIndexPlan, JsonIndexTarget } from '../types'
import { sqliteJsonSql } from './jsonSql'

/** An expression index on the value's `->>` form, which string and number comparisons both use. */
export function sqliteJsonIndex(target: JsonIndexTarget, lookup: Lookup): JsonIndexPlan | null {
  if (scalarIndexKind(lookup) === null) return null
  const sql = sqliteJsonSql
  const value = sql.text(
    sql.at(sql.document(quoteIdentifier('sqlite', target.column)), lookup.path),
  )
  const indexName = jsonIndexName([target.tableName, target.column, ...lookup.path], 'idx')
  return {
    kind: 'expression index',
    indexName,
    ddl: [`CREATE INDEX ${quoteIdentifier('sqlite', indexName)} ON ${target.table} (${value})`],
    servedBy: '',
    note: 'SQLite uses an expression index when the filter repeats its expression exactly, as this one does.',
  }
}

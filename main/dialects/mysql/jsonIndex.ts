import type { Lookup } from '../../../shared/json/lookups'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import { jsonIndexName } from '../jsonIndexName'
import { scalarIndexKind } from '../jsonIndexKind'
import type { JsonIndexPlan, JsonIndexTarget } from '../types'
import { mysqlJsonSql } from './jsonSql'

const width = 255
const q = (name: string) => quoteIdentifier('mysql', name)

/**
 * MariaDB indexes a JSON path through a virtual generated column, and uses it
 * only where a query names the column; MySQL 8 has functional indexes, and
 * multi-valued ones for arrays. Either way the served condition goes in front
 * of the filter, which still decides the rows exactly.
 */
export function mysqlJsonIndex(target: JsonIndexTarget, lookup: Lookup): JsonIndexPlan | null {
  const sql = mysqlJsonSql
  const json = sql.at(sql.document(q(target.column)), lookup.path)
  const parts = [target.tableName, target.column, ...lookup.path]
  const indexName = jsonIndexName(parts, 'idx')
  const kind = scalarIndexKind(lookup)
  const mariadb = /mariadb/i.test(target.serverVersion)
  if (kind === null) {
    if (mariadb || lookup.op !== 'contains' || typeof lookup.value !== 'string') return null
    return {
      kind: 'multi-valued index',
      indexName,
      ddl: [
        `CREATE INDEX ${q(indexName)} ON ${target.table} ((CAST(${json} AS CHAR(${width}) ARRAY)))`,
      ],
      servedBy: `${quoteLiteral('mysql', lookup.value)} MEMBER OF (${json})`,
      note: 'Serves MEMBER OF on the array at this path (MySQL 8.0.17 and later).',
    }
  }
  const expression =
    kind === 'text'
      ? `CAST(LEFT(${sql.text(json)}, ${width}) AS CHAR(${width})) COLLATE utf8mb4_bin`
      : `CAST((CASE WHEN ${sql.is(json, 'number')} THEN ${sql.text(json)} END) AS DOUBLE)`
  const literal = (value: unknown) =>
    typeof value === 'string' ? quoteLiteral('mysql', value.slice(0, width)) : String(value)
  const served = (subject: string) => {
    const { op, value } = lookup
    if (op === 'in') return `${subject} IN (${(value as unknown[]).map(literal).join(', ')})`
    // A longer value was cut to `width` in the index, so order comparisons keep the prefix's bound.
    const comparison = { exact: '=', lt: '<=', lte: '<=', gt: '>=', gte: '>=' }[op as 'exact']
    return `${subject} ${comparison} ${literal(value)}`
  }
  if (!mariadb)
    return {
      kind: 'functional index',
      indexName,
      ddl: [`CREATE INDEX ${q(indexName)} ON ${target.table} ((${expression}))`],
      servedBy: served(expression),
      note: 'MySQL uses a functional index where the query repeats its expression.',
    }
  const columnName = jsonIndexName(parts, 'v')
  const type =
    kind === 'text' ? `VARCHAR(${width}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin` : 'DOUBLE'
  const value = kind === 'text' ? `LEFT(${sql.text(json)}, ${width})` : expression
  return {
    kind: 'virtual column + index',
    indexName,
    ddl: [
      `ALTER TABLE ${target.table} ADD COLUMN ${q(columnName)} ${type} AS (${value}) VIRTUAL, ADD INDEX ${q(indexName)} (${q(columnName)})`,
    ],
    servedBy: served(q(columnName)),
    note: `MariaDB uses the index only where the query names the column ${columnName}, as the filter below does.`,
  }
}

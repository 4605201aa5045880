import type pg from 'pg'
import type { TableSummary } from '../../../shared/contract'

/** One catalog query for every table, view and column; pg_catalog, because information_schema is slow at scale. */
const sql = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
       NOT a.attnotnull AS nullable, COALESCE(a.attnum = ANY (i.indkey), false) AS pk
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
ORDER BY n.nspname, c.relname, a.attnum`

interface Row {
  schema: string
  name: string
  kind: string
  column: string | null
  type: string | null
  nullable: boolean | null
  pk: boolean | null
}

export async function listTables(client: pg.Client): Promise<TableSummary[]> {
  const { rows } = await client.query<Row>({
    text: sql,
    types: { getTypeParser: () => (v: string) => (v === 't' ? true : v === 'f' ? false : v) },
  })
  const tables: TableSummary[] = []
  let current: TableSummary | undefined
  for (const row of rows) {
    if (!current || current.schema !== row.schema || current.name !== row.name) {
      current = {
        schema: row.schema,
        name: row.name,
        kind: row.kind === 'v' || row.kind === 'm' ? 'view' : 'table',
        columns: [],
      }
      tables.push(current)
    }
    if (row.column !== null) {
      current.columns.push({
        name: row.column,
        type: row.type ?? '',
        nullable: row.nullable === true,
        primaryKey: row.pk === true,
      })
    }
  }
  return tables
}

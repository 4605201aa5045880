import type { Connection, RowDataPacket } from 'mysql2'
import type { TableSummary } from '../../../shared/contract'

/** One information_schema query for the current database's tables, views and columns. */
const sql = `
SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_TYPE, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_KEY,
       EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS k
               WHERE k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME
                 AND k.CONSTRAINT_NAME = c.COLUMN_NAME AND k.CHECK_CLAUSE LIKE 'json\\_valid(%') AS IS_JSON
FROM information_schema.TABLES t
LEFT JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
WHERE t.TABLE_SCHEMA = DATABASE()
ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION`

type Row = [
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
]

export function listTables(conn: Connection): Promise<TableSummary[]> {
  return new Promise((resolve, reject) => {
    conn.query<RowDataPacket[]>({ sql, rowsAsArray: true }, (error, result) => {
      if (error) return reject(error)
      const tables: TableSummary[] = []
      let current: TableSummary | undefined
      for (const [
        schema,
        name,
        kind,
        column,
        type,
        nullable,
        key,
        isJson,
      ] of result as unknown as Row[]) {
        if (!current || current.name !== name) {
          current = { schema, name, kind: kind === 'VIEW' ? 'view' : 'table', columns: [] }
          tables.push(current)
        }
        if (column !== null) {
          current.columns.push({
            name: column,
            // MariaDB's JSON is LONGTEXT plus a json_valid check named after the column.
            type: Number(isJson) === 1 ? 'json' : (type ?? ''),
            nullable: nullable === 'YES',
            primaryKey: key === 'PRI',
          })
        }
      }
      resolve(tables)
    })
  })
}

import type { Connection, RowDataPacket } from 'mysql2'

/** Runs one catalog statement with `?` bound to `values` and keeps its rows as objects: for small answers only. */
export function catalogRows<T>(conn: Connection, sql: string, values: string[] = []): Promise<T[]> {
  return new Promise((resolve, reject) =>
    conn.query<RowDataPacket[]>(sql, values, (error, result) =>
      error ? reject(error) : resolve(result as unknown as T[]),
    ),
  )
}

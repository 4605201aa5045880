import type { Connection, RowDataPacket } from 'mysql2'
import type { SchemaObject, SchemaObjects } from '../../../shared/contract'
import { objectsSql } from './catalogQueries'

/** The current database's tables and views with the engine's row estimates (TABLE_ROWS). */
export async function listObjects(conn: Connection): Promise<SchemaObjects> {
  const rows = <T>(sql: string) =>
    new Promise<T[]>((resolve, reject) =>
      conn.query<RowDataPacket[]>(sql, (error, result) =>
        error ? reject(error) : resolve(result as unknown as T[]),
      ),
    )
  const [current] = await rows<{ db: string | null }>('SELECT DATABASE() AS db')
  const objects = current?.db ? await rows<SchemaObject>(objectsSql) : []
  return {
    namespaces: current?.db ? [current.db] : [],
    objects: objects.map((o) => ({
      ...o,
      rowEstimate: o.rowEstimate === null ? null : Number(o.rowEstimate),
    })),
  }
}

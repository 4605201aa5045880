import type { Cell } from '../../shared/cells'
import type { DialectConnection } from './types'

/** Runs one statement to its end and keeps its rows: for small answers only (plans, history, catalog). */
export async function collectRows(connection: DialectConnection, sql: string): Promise<Cell[][]> {
  const rows: Cell[][] = []
  for await (const event of connection.stream(sql, { batchSize: 1000 }))
    if (event.kind === 'rows') for (const row of event.rows) rows.push(row)
  return rows
}

import { isJsonCell, type Cell } from '../../shared/cells'
import { SluiceError } from '../../shared/errors'

/** Runs one statement to its end and returns its rows; the service supplies it over the open connection. */
export type RunStatement = (sql: string) => Promise<Cell[][]>

/** The JSON document in a one-cell EXPLAIN result, whether the driver tagged it as JSON or left it as text. */
export function jsonDocument(rows: Cell[][]): unknown {
  const cell = rows[0]?.[0] ?? null
  if (isJsonCell(cell)) return cell.$json
  return JSON.parse(String(cell))
}

/** `key: value` lines for a plan step's plain fields, skipping those the tree already shows. */
export function scalarDetails(fields: Record<string, unknown>, shown: Set<string>): string[] {
  const lines: string[] = []
  for (const [key, value] of Object.entries(fields)) {
    if (shown.has(key) || value === null || value === undefined) continue
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object'))
      lines.push(`${key}: ${value.join(', ')}`)
    else if (typeof value !== 'object') lines.push(`${key}: ${String(value)}`)
  }
  return lines
}

/** Only PostgreSQL's ANALYZE runs inside a transaction Sluice can roll back, so only it is offered. */
export function refuseAnalyze(analyze: boolean): void {
  if (analyze)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: 'EXPLAIN ANALYZE is offered on PostgreSQL only',
    })
}

export function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? n : null
}

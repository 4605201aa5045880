import { isJsonCell, type Cell } from '../../shared/cells'
import type { ObjectRef } from '../../shared/contract'
import type { JsonShape } from '../../shared/json/shape'
import { exactName } from '../../shared/sql/quote'
import { collectRows } from '../dialects/collectRows'
import type { Dialect, DialectConnection } from '../dialects/types'
import { inferShape, invalidJson } from './inferShape'

export const defaultSampleSize = 1000

/** The table's row estimate from the catalog, which decides whether a sample is picked at random. */
export async function rowEstimate(
  connection: DialectConnection,
  table: ObjectRef,
): Promise<number | null> {
  const { objects } = await connection.listObjects()
  return (
    objects.find((o) => o.schema === table.schema && o.name === table.name)?.rowEstimate ?? null
  )
}

/** Reads up to `size` values of a JSON column, picked at random where the table is bigger than that. */
export async function sampleColumn(
  connection: DialectConnection,
  dialect: Dialect,
  table: ObjectRef,
  column: string,
  size: number,
  estimate: number | null,
): Promise<{ values: unknown[]; method: string }> {
  const sql = dialect.json.sample(
    exactName(dialect.name, table.schema, table.name),
    dialect.quoteIdentifier(column),
    size,
    estimate,
  )
  const rows = await collectRows(connection, sql)
  const random = estimate !== null && estimate > 2 * size
  const method = random
    ? `${rows.length} rows picked at random of about ${estimate}`
    : `the first ${rows.length} rows`
  return { values: rows.map(([cell]) => parsed(cell ?? null)), method }
}

export async function shapeOf(
  connection: DialectConnection,
  dialect: Dialect,
  table: ObjectRef,
  column: string,
  size = defaultSampleSize,
): Promise<JsonShape> {
  const estimate = await rowEstimate(connection, table)
  const { values, method } = await sampleColumn(connection, dialect, table, column, size, estimate)
  return inferShape(values, method)
}

/** A cell as a document: JSON cells as they are, text parsed, SQL NULL as `undefined`. */
export function parsed(cell: Cell): unknown {
  if (cell === null) return undefined
  if (isJsonCell(cell)) return cell.$json
  if (typeof cell !== 'string') return invalidJson
  try {
    return JSON.parse(cell)
  } catch {
    return invalidJson
  }
}

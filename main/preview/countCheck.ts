import type { Cell } from '../../shared/cells'
import type { DialectName } from '../../shared/connectionUrl'
import type { Examples } from '../../shared/preview'
import type { DatabaseSchema } from '../../shared/schema/model'
import { dialects } from '../dialects/registry'
import type { DataShadow } from '../dialects/types'
import type { Check } from './Check'
import { tableSql } from './tableSql'

export interface Counted {
  count: number
  estimate: boolean
  message: string
  examples: Examples
}

/** Example rows a finding shows. */
const exampleRows = 10

/**
 * Counts a check's offending rows on the shadow and reads up to ten of them
 * with their key. A table with more than `sampleRows` rows is counted over
 * its first `sampleRows`, and the finding says it is an estimate.
 */
export async function countCheck(
  shadow: DataShadow,
  state: DatabaseSchema,
  check: Check,
  sampleRows: number,
): Promise<Counted> {
  const dialect = state.dialect
  const table = tableSql(dialect, check.namespace, check.table)
  const [probe] = await shadow.query(
    `SELECT count(*) FROM (SELECT 1 AS one FROM ${table} LIMIT ${sampleRows + 1}) AS sluice_probe`,
  )
  const sampled = Number(probe?.[0] ?? 0) > sampleRows
  const rowid = dialect === 'sqlite' ? 'rowid AS rowid, ' : ''
  const from = sampled
    ? `(SELECT ${rowid}* FROM ${table} LIMIT ${sampleRows}) AS o`
    : `${table} AS o`
  const where = check.condition === null ? '' : ` WHERE ${check.condition}`
  const [counted] = await shadow.query(`SELECT count(*) FROM ${from}${where}`)
  const count = Number(counted?.[0] ?? 0)
  const keys = keyColumns(dialect, state, check)
  const capped = shadow.cappedTables.has(check.table)
  const examples: Examples = {
    columns: [...keys.map((k) => k.label), ...check.shown.map((s) => s.label)],
    rows: [],
  }
  if (count > 0) {
    const list = [...keys, ...check.shown].map((c) => c.expression).join(', ')
    const order = keys.length > 0 ? ` ORDER BY ${keys.map((k) => k.expression).join(', ')}` : ''
    examples.rows = (await shadow.query(
      `SELECT ${list} FROM ${from}${where}${order} LIMIT ${exampleRows}`,
    )) as Cell[][]
  }
  const spelled = count.toLocaleString('en-US')
  const scope = sampled
    ? ` (estimate: counted in the first ${sampleRows.toLocaleString('en-US')} rows)`
    : capped
      ? ' (estimate: counted in the rows copied to the shadow)'
      : ''
  return {
    count,
    estimate: sampled || capped,
    message: check.message(spelled) + scope,
    examples,
  }
}

/** The table's primary key, or SQLite's rowid, to name each example row. */
function keyColumns(
  dialect: DialectName,
  state: DatabaseSchema,
  check: Check,
): { label: string; expression: string }[] {
  const table = state.namespaces
    .flatMap((n) =>
      dialects[dialect].capabilities.schemas && n.name !== check.namespace ? [] : n.tables,
    )
    .find((t) => t.name === check.table)
  const key = table?.primaryKey?.columns ?? []
  if (key.length > 0)
    return key.map((c) => ({ label: c, expression: `o.${dialects[dialect].quoteIdentifier(c)}` }))
  return dialect === 'sqlite' ? [{ label: 'rowid', expression: 'o.rowid' }] : []
}

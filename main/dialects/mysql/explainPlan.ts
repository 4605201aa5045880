import type { Cell } from '../../../shared/cells'
import { planNode, type PlanNode } from '../../../shared/plan'
import {
  jsonDocument,
  numberOrNull,
  refuseAnalyze,
  scalarDetails,
  type RunStatement,
} from '../explain'

type Fields = Record<string, unknown>

const shown = new Set(['table_name', 'access_type', 'rows', 'rows_examined_per_scan', 'cost'])

/**
 * EXPLAIN FORMAT=JSON. MySQL and MariaDB nest steps differently
 * (`nested_loop` arrays, `ordering_operation`, `subqueries`, …), so every
 * object in the document becomes a step named by its key, and `table` steps
 * are labelled with the table and its access type.
 */
export async function explainPlan(
  run: RunStatement,
  sql: string,
  analyze: boolean,
): Promise<PlanNode> {
  refuseAnalyze(analyze)
  const rows = await run(`EXPLAIN FORMAT=JSON ${sql}`)
  let document: Fields
  try {
    document = jsonDocument(rows) as Fields
  } catch {
    // MariaDB does not escape double quotes inside conditions it prints (a JSON path's `$."key"`),
    // so its document may not parse; the table form says the same per table.
    return tabularPlan(await run(`EXPLAIN ${sql}`))
  }
  const [key, value] = Object.entries(document)[0] ?? ['query_block', {}]
  return toNode(key, value as Fields)
}

/** Traditional EXPLAIN: id, select_type, table, type, possible_keys, key, key_len, ref, rows, Extra. */
function tabularPlan(rows: Cell[][]): PlanNode {
  return planNode('query block', {
    children: rows.map((row) => {
      const [, selectType, table, type, possibleKeys, key, , , estimate, extra] = row
      return planNode(`table ${String(table ?? '?')}${type ? ` (${String(type)})` : ''}`, {
        details: [
          `select_type: ${String(selectType)}`,
          `possible_keys: ${String(possibleKeys ?? '')}`,
          `key: ${String(key ?? '')}`,
          ...(extra ? [`Extra: ${String(extra)}`] : []),
        ],
        rows: numberOrNull(estimate),
      })
    }),
  })
}

function toNode(key: string, fields: Fields): PlanNode {
  const label =
    key === 'table'
      ? `table ${String(fields.table_name ?? '?')}${fields.access_type ? ` (${String(fields.access_type)})` : ''}`
      : key.replace(/_/g, ' ')
  const costInfo = fields.cost_info as Fields | undefined
  return planNode(label, {
    details: scalarDetails(fields, shown),
    cost: numberOrNull(fields.cost ?? costInfo?.query_cost ?? costInfo?.prefix_cost),
    rows: numberOrNull(fields.rows ?? fields.rows_examined_per_scan),
    children: Object.entries(fields).flatMap(([childKey, value]) => children(childKey, value)),
  })
}

function children(key: string, value: unknown): PlanNode[] {
  if (key === 'cost_info' || value === null || typeof value !== 'object') return []
  if (!Array.isArray(value)) return [toNode(key, value as Fields)]
  return value
    .filter((item): item is Fields => item !== null && typeof item === 'object')
    .map((item) => {
      // `nested_loop: [{ table: {...} }, …]`: a one-key wrapper names its content.
      const entries = Object.entries(item)
      const [innerKey, inner] = entries[0] ?? []
      return entries.length === 1 && inner && typeof inner === 'object'
        ? toNode(innerKey!, inner as Fields)
        : toNode(key, item)
    })
}

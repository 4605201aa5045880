import { planNode, type PlanNode } from '../../../shared/plan'
import { jsonDocument, numberOrNull, scalarDetails, type RunStatement } from '../explain'

type PgPlan = Record<string, unknown> & { Plans?: PgPlan[] }

const shown = new Set([
  'Node Type',
  'Relation Name',
  'Alias',
  'Index Name',
  'Total Cost',
  'Plan Rows',
  'Actual Rows',
  'Actual Total Time',
  'Plans',
])

/**
 * EXPLAIN (FORMAT JSON). ANALYZE really runs the statement, so it runs inside
 * a transaction that is rolled back: an UPDATE is measured, not applied.
 */
export async function explainPlan(
  run: RunStatement,
  sql: string,
  analyze: boolean,
): Promise<PlanNode> {
  if (!analyze) return toPlan(await run(`EXPLAIN (FORMAT JSON) ${sql}`))
  await run('BEGIN')
  try {
    return toPlan(await run(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`))
  } finally {
    await run('ROLLBACK')
  }
}

function toPlan(rows: Parameters<typeof jsonDocument>[0]): PlanNode {
  const [top] = jsonDocument(rows) as [Record<string, unknown> & { Plan: PgPlan }]
  const root = toNode(top.Plan)
  for (const key of ['Planning Time', 'Execution Time'])
    if (top[key] !== undefined) root.details.push(`${key}: ${String(top[key])} ms`)
  return root
}

function toNode(plan: PgPlan): PlanNode {
  const relation = plan['Relation Name']
  const alias = plan['Alias']
  let label = String(plan['Node Type'])
  if (relation)
    label += ` on ${String(relation)}${alias && alias !== relation ? ` ${String(alias)}` : ''}`
  if (plan['Index Name']) label += ` using ${String(plan['Index Name'])}`
  return planNode(label, {
    details: scalarDetails(plan, shown),
    cost: numberOrNull(plan['Total Cost']),
    rows: numberOrNull(plan['Plan Rows']),
    actualRows: numberOrNull(plan['Actual Rows']),
    actualMs: numberOrNull(plan['Actual Total Time']),
    children: (plan.Plans ?? []).map(toNode),
  })
}

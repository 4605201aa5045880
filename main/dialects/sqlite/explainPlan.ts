import { planNode, type PlanNode } from '../../../shared/plan'
import { refuseAnalyze, type RunStatement } from '../explain'

/** EXPLAIN QUERY PLAN: rows of (id, parent, notused, detail), a tree by parent id. */
export async function explainPlan(
  run: RunStatement,
  sql: string,
  analyze: boolean,
): Promise<PlanNode> {
  refuseAnalyze(analyze)
  const root = planNode('QUERY PLAN')
  const byId = new Map<number, PlanNode>([[0, root]])
  for (const [id, parent, , detail] of await run(`EXPLAIN QUERY PLAN ${sql}`)) {
    const node = planNode(String(detail))
    byId.set(Number(id), node)
    ;(byId.get(Number(parent)) ?? root).children.push(node)
  }
  return root
}

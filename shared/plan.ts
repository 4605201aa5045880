/**
 * A query plan as a tree, the same shape for every dialect: PostgreSQL's
 * EXPLAIN (FORMAT JSON), MySQL/MariaDB's EXPLAIN FORMAT=JSON and SQLite's
 * EXPLAIN QUERY PLAN all become this.
 */
export interface PlanNode {
  /** What the step does: "Seq Scan on pets", "table pets (ALL)", "SCAN pets". */
  label: string
  /** The rest of what the database said about the step, one "key: value" per line. */
  details: string[]
  /** The planner's cost estimate, in the database's own units. */
  cost: number | null
  /** The rows the planner expects. */
  rows: number | null
  /** With ANALYZE: the rows the step really produced and the time it took. */
  actualRows: number | null
  actualMs: number | null
  children: PlanNode[]
}

export function planNode(label: string, fields: Partial<PlanNode> = {}): PlanNode {
  return {
    label,
    details: [],
    cost: null,
    rows: null,
    actualRows: null,
    actualMs: null,
    children: [],
    ...fields,
  }
}

import type { PlanNode } from '../../../shared/plan'
import type { PlanState } from '../query/QueryTab'
import { ErrorPanel } from '../errors/ErrorPanel'

/** The plan as an indented tree: each step with its estimated cost and rows, and what ANALYZE measured. */
export function PlanView({ plan }: { plan: PlanState }) {
  if (plan.status === 'loading') return <p className="result-message">Reading the plan…</p>
  if (plan.status === 'error') return <ErrorPanel error={plan.error} />
  return (
    <div className="plan" data-testid="plan">
      {plan.analyzed && (
        <p className="result-message">Measured with ANALYZE; changes were rolled back.</p>
      )}
      <ul role="tree" aria-label="Query plan">
        <PlanStep node={plan.plan} />
      </ul>
    </div>
  )
}

function PlanStep({ node }: { node: PlanNode }) {
  const figures = [
    node.cost !== null && `cost ${node.cost.toLocaleString('en-US')}`,
    node.rows !== null && `${node.rows.toLocaleString('en-US')} rows est.`,
    node.actualRows !== null && `${node.actualRows.toLocaleString('en-US')} rows`,
    node.actualMs !== null && `${node.actualMs.toLocaleString('en-US')} ms`,
  ].filter(Boolean)
  return (
    <li role="treeitem" aria-expanded={node.children.length > 0 ? true : undefined}>
      <details open>
        <summary>
          <span className="plan-label">{node.label}</span>
          {figures.length > 0 && <span className="plan-figures">{figures.join(' · ')}</span>}
        </summary>
        {node.details.length > 0 && (
          <div className="plan-details">
            {node.details.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </div>
        )}
        {node.children.length > 0 && (
          <ul role="group">
            {node.children.map((child, i) => (
              <PlanStep key={i} node={child} />
            ))}
          </ul>
        )}
      </details>
    </li>
  )
}

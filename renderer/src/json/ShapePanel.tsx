import { describeTypes, type JsonShape, type ShapeNode } from '../../../shared/json/shape'

interface Props {
  shape: JsonShape | null
  loading: boolean
  onRefresh(): void
  onPick(node: ShapeNode): void
}

/** The column's path tree from a sample: each path with its types and the share of rows that have it. */
export function ShapePanel({ shape, loading, onRefresh, onPick }: Props) {
  return (
    <aside className="json-shape" aria-label="JSON shape">
      <header>
        <strong>Shape</strong>
        <button onClick={onRefresh} disabled={loading}>
          {loading ? 'Sampling…' : 'Refresh'}
        </button>
      </header>
      {shape && (
        <>
          <p className="json-shape-method">
            {shape.method}
            {shape.invalid > 0 && `; ${shape.invalid} not JSON`}
          </p>
          <ul role="tree">
            {shape.root.children.map((node) => (
              <ShapeRow key={node.label} node={node} onPick={onPick} />
            ))}
          </ul>
        </>
      )}
    </aside>
  )
}

function ShapeRow({ node, onPick }: { node: ShapeNode; onPick(node: ShapeNode): void }) {
  const types = describeTypes(node)
  return (
    <li role="treeitem" data-path={node.label}>
      <button
        className="json-shape-row"
        onClick={() => onPick(node)}
        title={node.examples.length ? `e.g. ${node.examples.join(', ')}` : undefined}
      >
        <span className="json-shape-label">{node.label}</span>
        <span className="json-shape-types">{types}</span>
        <span className="json-shape-presence">{Math.round(node.presence)}%</span>
      </button>
      {node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <ShapeRow key={child.label} node={child} onPick={onPick} />
          ))}
        </ul>
      )}
    </li>
  )
}

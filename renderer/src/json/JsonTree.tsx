import { useState } from 'react'
import { formatLookup, formatPath, type JsonValue } from '../../../shared/json/lookups'
import { jsonTypeName } from '../../../shared/json/shape'

interface Props {
  value: JsonValue
  /** Adds `path=value` to the filter; absent where there is no filter to add to. */
  onFilterBy?(lookup: string): void
}

/**
 * A collapsible tree of one JSON value, each node labelled with its type, so
 * the string `"{\"a\":1}"` (a string node, shown quoted) never looks like
 * the object `{"a":1}` (an object node with one key).
 */
export function JsonTree({ value, onFilterBy }: Props) {
  return (
    <ul className="json-tree" role="tree" aria-label="JSON value">
      <JsonNode name="$" path={[]} value={value} onFilterBy={onFilterBy} depth={0} />
    </ul>
  )
}

function JsonNode(props: {
  name: string
  path: string[]
  value: JsonValue
  depth: number
  onFilterBy?(lookup: string): void
}) {
  const { name, path, value, depth, onFilterBy } = props
  const [open, setOpen] = useState(depth < 2)
  const type = jsonTypeName(value)
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : type === 'object'
      ? Object.entries(value as Record<string, JsonValue>)
      : []
  const container = type === 'object' || type === 'array'
  const lookupPath = formatPath(path)
  return (
    <li role="treeitem" aria-expanded={container ? open : undefined} className="json-node">
      <div className="json-line">
        {container ? (
          <button
            className="json-toggle"
            aria-label={open ? 'Collapse' : 'Expand'}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="json-toggle" />
        )}
        <span className="json-key">{name}</span>
        <span className={`json-type json-type-${type}`} data-testid="json-type">
          {type === 'array'
            ? `array [${entries.length}]`
            : type === 'object'
              ? `object {${entries.length}}`
              : type}
        </span>
        {!container && <span className={`json-value json-${type}`}>{JSON.stringify(value)}</span>}
        <span className="json-actions">
          {lookupPath && (
            <button title="Copy the lookup path" onClick={() => void copy(lookupPath)}>
              Copy path
            </button>
          )}
          <button title="Copy the value as JSON" onClick={() => void copy(JSON.stringify(value))}>
            Copy value
          </button>
          {onFilterBy && path.length > 0 && (
            <button
              title="Add a lookup for this value to the filter"
              onClick={() => onFilterBy(formatLookup({ path, op: 'exact', value }))}
            >
              Filter by this
            </button>
          )}
        </span>
      </div>
      {container && open && (
        <ul role="group">
          {entries.map(([key, item]) => (
            <JsonNode
              key={key}
              name={Array.isArray(value) ? `[${key}]` : key}
              path={[...path, key]}
              value={item}
              depth={depth + 1}
              onFilterBy={onFilterBy}
            />
          ))}
        </ul>
      )}
    </li>
  )
}

async function copy(text: string): Promise<void> {
  await navigator.clipboard?.writeText(text).catch(() => undefined)
}

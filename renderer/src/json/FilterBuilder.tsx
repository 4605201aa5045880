import { useState } from 'react'
import { formatLookup, lookupOps, parseLookups, type LookupOp } from '../../../shared/json/lookups'

interface Props {
  /** A path picked in the shape panel, as lookups write it. */
  path: string
  onPathChange(path: string): void
  onAdd(lookup: string): void
}

/** Path, operator and value, producing the same lookup text a person would type. */
export function FilterBuilder({ path, onPathChange, onAdd }: Props) {
  const [op, setOp] = useState<LookupOp>('exact')
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const add = () => {
    const keyed =
      op === 'has_key' || op === 'has_keys' || op === 'has_any_keys' || op === 'contains'
    const text = `${path ? path + '__' : ''}${op}=${value.trim()}`
    try {
      if (!path && !keyed && op !== 'contained_by')
        throw new Error('Pick a path in the shape, or type one.')
      const [lookup] = parseLookups(text)
      setProblem(null)
      onAdd(formatLookup(lookup!))
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <div className="json-builder" role="group" aria-label="Filter builder">
      <input
        aria-label="Path"
        placeholder="path, e.g. favorite_food__0__brand"
        value={path}
        onChange={(event) => onPathChange(event.target.value)}
      />
      <select
        aria-label="Operator"
        value={op}
        onChange={(event) => setOp(event.target.value as LookupOp)}
      >
        {lookupOps.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
      <input
        aria-label="Value"
        placeholder='JSON value, e.g. "mix" or 5'
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && add()}
      />
      <button onClick={add}>Add</button>
      {problem && (
        <span className="json-builder-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}

import { useEffect, useState } from 'react'
import type { ColumnFilter, FilterOp } from '../../../shared/tableContract'
import { formatListValues, parseListValues } from './listValues'

interface Props {
  columns: readonly string[]
  filters: readonly ColumnFilter[]
  where: string
  onApply(filters: ColumnFilter[], where: string): void
}

const opLabels: Record<FilterOp, string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  contains: 'contains',
  startsWith: 'starts with',
  isNull: 'is null',
  notNull: 'is not null',
  in: 'in list',
}
const valueless = new Set<FilterOp>(['isNull', 'notNull'])

interface Draft {
  column: string
  op: FilterOp
  /** The value as typed; for `in`, the comma-separated list. */
  text: string
}

/**
 * Conditions on columns, and a raw condition box labelled WHERE, compiled by
 * the engine for the table's dialect. Edits apply on Apply or Enter, so the
 * rows are asked for once per change, not per keystroke.
 */
export function FilterBar({ columns, filters, where, onApply }: Props) {
  const [drafts, setDrafts] = useState<Draft[]>(() => filters.map(toDraft))
  const [raw, setRaw] = useState(where)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => setDrafts(filters.map(toDraft)), [filters])
  useEffect(() => setRaw(where), [where])

  const apply = (next = drafts, nextRaw = raw) => {
    // A condition without its value is unfinished, not a test for '' (the WHERE box says that).
    const unfinished = next.findIndex((d) => !valueless.has(d.op) && d.text.trim() === '')
    if (unfinished >= 0) {
      setProblem(
        `Condition ${unfinished + 1} needs a value (to match empty text, write ${next[unfinished]!.column} = '' in WHERE)`,
      )
      return
    }
    setProblem(null)
    onApply(next.filter((d) => d.column).map(toFilter), nextRaw.trim())
  }
  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)))
  const onEnter = (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    apply()
  }

  return (
    <div className="filter-bar" role="group" aria-label="Filter rows">
      {drafts.map((draft, index) => (
        <div
          className="filter-condition"
          key={index}
          role="group"
          aria-label={`Condition ${index + 1}`}
        >
          <select
            aria-label="Column"
            value={draft.column}
            onChange={(e) => change(index, { column: e.target.value })}
          >
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <select
            aria-label="Operator"
            value={draft.op}
            onChange={(e) => change(index, { op: e.target.value as FilterOp })}
          >
            {Object.entries(opLabels).map(([op, label]) => (
              <option key={op} value={op}>
                {label}
              </option>
            ))}
          </select>
          {!valueless.has(draft.op) && (
            <input
              aria-label="Value"
              placeholder={draft.op === 'in' ? 'a, b, "c, d"' : 'value'}
              value={draft.text}
              onChange={(e) => change(index, { text: e.target.value })}
              onKeyDown={onEnter}
            />
          )}
          <button
            aria-label={`Remove condition ${index + 1}`}
            title="Remove this condition"
            onClick={() => {
              const next = drafts.filter((_, i) => i !== index)
              setDrafts(next)
              apply(next)
            }}
          >
            ×
          </button>
        </div>
      ))}
      <button
        onClick={() => setDrafts([...drafts, { column: columns[0] ?? '', op: 'eq', text: '' }])}
        disabled={columns.length === 0}
      >
        Add condition
      </button>
      <label className="filter-where">
        WHERE
        <input
          className="mono"
          value={raw}
          placeholder="any SQL condition, e.g. id > 10"
          onChange={(e) => setRaw(e.target.value)}
          onKeyDown={onEnter}
        />
      </label>
      <button className="primary" onClick={() => apply()}>
        Apply
      </button>
      {problem && (
        <span className="error-text" role="alert">
          {problem}
        </span>
      )}
      {(filters.length > 0 || where) && (
        <button
          onClick={() => {
            setDrafts([])
            setRaw('')
            setProblem(null)
            onApply([], '')
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  )
}

function toDraft(filter: ColumnFilter): Draft {
  return {
    column: filter.column,
    op: filter.op,
    text: filter.op === 'in' ? formatListValues(filter.values ?? []) : (filter.value ?? ''),
  }
}

function toFilter(draft: Draft): ColumnFilter {
  if (valueless.has(draft.op)) return { column: draft.column, op: draft.op }
  if (draft.op === 'in')
    return { column: draft.column, op: 'in', values: parseListValues(draft.text) }
  return { column: draft.column, op: draft.op, value: draft.text }
}

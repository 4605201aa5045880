import { useEffect, useState, useSyncExternalStore } from 'react'
import type { Cell } from '../../../shared/cells'
import { prettyJson } from '../../../shared/json/prettyJson'
import { JsonTree } from '../json/JsonTree'
import type { GridColumn, GridSource } from './GridSource'
import { hexDump, maxDumpBytes } from './hexDump'
import { valueView, type ValueView } from './valueView'
import './grid.css'

/** The active cell: its row, its column's index into `columns`, and its value if it was loaded. */
export interface ActiveCell {
  row: number
  column: number
  cell: Cell | undefined
}

interface Props {
  source: GridSource
  active: ActiveCell | null
  columns: readonly GridColumn[]
  /** CSS pixels; the splitter beside it sets it. */
  width?: number
}

type JsonMode = 'tree' | 'compact' | 'pretty'

/**
 * The active cell's whole value: text in full with its length, JSON as a tree
 * or as text, binary as a hex dump, NULL said as such, numbers exactly as the
 * engine sent them. What the grid cuts short to fit a row, this shows.
 */
export function ValuePanel({ source, active, columns, width }: Props) {
  const version = useSyncExternalStore(source.subscribe, () => source.version)
  const [mode, setMode] = useState<JsonMode>('tree')
  const column = active ? columns[active.column] : undefined
  const live = active ? source.row(active.row)?.[active.column] : undefined
  const cell = active?.cell !== undefined ? active.cell : live

  // A row selected by keyboard may not have arrived, or its page may have gone since: ask again.
  useEffect(() => {
    if (active && cell === undefined) source.want(active.row, active.row + 1)
  }, [active, cell, source, version])

  if (!active || !column)
    return (
      <section className="dg-value" aria-label="Value" style={{ width }}>
        <p className="dg-value-hint">Select a cell to see its whole value.</p>
      </section>
    )
  const view = cell === undefined ? null : valueView(cell, column.type)
  return (
    <section className="dg-value" aria-label="Value" style={{ width }}>
      <header className="dg-value-head">
        <strong>{column.name}</strong>
        <span className="dg-value-type">{column.type}</span>
        <span className="dg-value-summary">{view ? summary(view) : 'Loading…'}</span>
      </header>
      {view?.kind === 'json' && (
        <div className="dg-value-modes" role="group" aria-label="Show JSON as">
          {(['tree', 'compact', 'pretty'] as const).map((option) => (
            <button key={option} aria-pressed={mode === option} onClick={() => setMode(option)}>
              {option === 'tree' ? 'Tree' : option === 'compact' ? 'Compact' : 'Pretty'}
            </button>
          ))}
        </div>
      )}
      {view && <ValueBody view={view} mode={mode} />}
    </section>
  )
}

function ValueBody({ view, mode }: { view: ValueView; mode: JsonMode }) {
  switch (view.kind) {
    case 'null':
      return <p className="dg-value-null">NULL</p>
    case 'json':
      return mode === 'tree' ? (
        <>
          {!view.exact && (
            <p className="dg-value-hint">
              The tree shows numbers as JavaScript reads them and the last of any repeated key;
              Compact and Pretty show the document as stored.
            </p>
          )}
          <JsonTree value={view.value} />
        </>
      ) : (
        <pre className="dg-value-text" aria-label="JSON text">
          {mode === 'pretty' ? prettyJson(view.text) : view.text}
        </pre>
      )
    case 'bytes':
      return (
        <>
          <pre className="dg-value-text dg-value-dump" aria-label="Hex dump" tabIndex={0}>
            {hexDump(view.bytes)}
          </pre>
          {view.bytes.length > maxDumpBytes && (
            <p className="dg-value-hint">
              Showing the first {maxDumpBytes.toLocaleString('en-US')} bytes.
            </p>
          )}
        </>
      )
    case 'text':
      return (
        <textarea className="dg-value-text" aria-label="Text value" readOnly value={view.text} />
      )
    case 'number':
    case 'boolean':
      return (
        <pre className="dg-value-text" aria-label="Value text">
          {view.text}
        </pre>
      )
  }
}

function summary(view: ValueView): string {
  const count = (n: number, noun: string) =>
    `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
  switch (view.kind) {
    case 'null':
      return 'NULL: no value'
    case 'json':
      return view.from === 'json' ? 'JSON' : 'JSON (text that parses)'
    case 'bytes':
      return `Binary · ${count(view.bytes.length, 'byte')}`
    case 'text':
      return `Text · ${count(view.length, 'character')}`
    case 'number':
      return 'Number, exactly as received'
    case 'boolean':
      return 'Boolean'
  }
}

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { rows } from '../../../shared/count'
import { isJsonCell, type Cell } from '../../../shared/cells'
import type { ConnectionInfo, ObjectRef } from '../../../shared/contract'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { IndexAdvice } from '../../../shared/json/indexAdvice'
import type { JsonColumn } from '../../../shared/json/jsonColumn'
import { formatPath, type JsonValue } from '../../../shared/json/lookups'
import type { JsonShape } from '../../../shared/json/shape'
import type { SluiceClient } from '../../../shared/transport'
import { ErrorPanel } from '../errors/ErrorPanel'
import type { CopyTarget } from '../grid/copyFormats'
import { DataGrid } from '../grid/DataGrid'
import { GridLayout } from '../grid/GridLayout'
import { ResultSet } from '../query/ResultSet'
import { FilterBuilder } from './FilterBuilder'
import { IndexAdvicePanel } from './IndexAdvicePanel'
import { JsonCellPanel } from './JsonCellPanel'
import { ShapePanel } from './ShapePanel'

interface Props {
  client: SluiceClient
  connection: ConnectionInfo
  object: ObjectRef
  onOpenSql(sql: string): void
  /** The column and filter to start from: what the tab had before a reload. */
  initial?: { column: string | null; where: string }
  /** Told the column and filter that ran, for the tab to bring back after a reload. */
  onRemember?(state: { column: string; where: string }): void
}

/** A selected cell of the filter's result: the value, and the row's cells to name it by. */
export interface SelectedCell {
  column: string
  value: JsonValue
  row: Record<string, Cell>
}

/**
 * The JSON editor for one table: the column's shape, a filter in lookup
 * syntax (typed or built), the SQL it compiles to, its rows, a tree of the
 * selected value, and index advice.
 */
export function JsonView({ client, connection, object, onOpenSql, initial, onRemember }: Props) {
  const connectionId = connection.connectionId
  const [columns, setColumns] = useState<JsonColumn[] | null>(null)
  const [column, setColumn] = useState<string | null>(null)
  const [shape, setShape] = useState<JsonShape | null>(null)
  const [sampling, setSampling] = useState(false)
  const [path, setPath] = useState('')
  const [where, setWhere] = useState(initial?.where ?? '')
  const startWith = useRef(initial)
  const remember = useRef(onRemember)
  remember.current = onRemember
  const [sql, setSql] = useState<string | null>(null)
  const [result, setResult] = useState<ResultSet | null>(null)
  const [selected, setSelected] = useState<SelectedCell | null>(null)
  const [advice, setAdvice] = useState<IndexAdvice[] | null>(null)
  const [error, setError] = useState<SluiceErrorData | null>(null)

  const attempt = useCallback(async (work: () => Promise<void>) => {
    setError(null)
    try {
      await work()
    } catch (caught) {
      setError(toErrorData(caught))
    }
  }, [])

  useEffect(() => {
    void attempt(async () => {
      const found = (await client.call('json.columns', { connectionId, object })).columns
      setColumns(found)
      const wanted = startWith.current?.column
      setColumn(found.find((c) => c.name === wanted)?.name ?? found[0]?.name ?? null)
    })
  }, [attempt, client, connectionId, object])

  const sample = useCallback(
    async (refresh: boolean) => {
      if (!column) return
      setSampling(true)
      await attempt(async () => {
        setShape((await client.call('json.shape', { connectionId, object, column, refresh })).shape)
      }).finally(() => setSampling(false))
    },
    [attempt, client, column, connectionId, object],
  )
  useEffect(() => () => result?.close(), [result])

  const run = useCallback(
    (filter: string) =>
      void attempt(async () => {
        if (!column) return
        setAdvice(null)
        setSelected(null)
        // A filter that does not compile must not leave the last one's SQL and rows looking like its answer.
        setSql(null)
        setResult(null)
        const compiled = await client.call('json.filter', {
          connectionId,
          object,
          column,
          where: filter,
        })
        const lookups = compiled.lookups.join(', ')
        setSql(compiled.sql)
        setWhere(lookups)
        remember.current?.({ column, where: lookups })
        setResult(new ResultSet(client, connectionId, compiled.sql, 0, { record: false }).start())
      }),
    [attempt, client, column, connectionId, object],
  )
  // The shape is sampled, then the rows show (every row until a filter is run): one after the other, as the connection serves one statement at a time.
  const whereNow = useRef(where)
  whereNow.current = where
  useEffect(() => {
    if (column) void sample(false).then(() => run(whereNow.current))
  }, [column, run, sample])

  const advise = () =>
    void attempt(async () => {
      if (!column || !where.trim()) return
      setAdvice((await client.call('json.advise', { connectionId, object, column, where })).advice)
    })

  const addLookup = (lookup: string) =>
    setWhere((current) => (current.trim() ? `${current}, ${lookup}` : lookup))

  const jsonColumn = columns?.find((c) => c.name === column)
  if (columns?.length === 0)
    return (
      <section className="json-view">
        <p>{object.name} has no JSON column.</p>
      </section>
    )

  return (
    <section className="json-view" aria-label={`JSON in ${object.name}`}>
      <ShapePanel
        shape={shape}
        loading={sampling}
        onRefresh={() => void sample(true)}
        onPick={(node) => setPath(formatPath(node.path))}
      />
      <div className="json-main">
        <div className="json-toolbar">
          <label>
            Column{' '}
            <select
              aria-label="JSON column"
              value={column ?? ''}
              onChange={(event) => setColumn(event.target.value)}
            >
              {columns?.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                  {c.how === 'sampled' ? ' (guessed from its values)' : ''}
                </option>
              ))}
            </select>
          </label>
          {jsonColumn?.how === 'sampled' && (
            <span className="json-heuristic">
              Heuristic: every sampled value is a JSON object or array.
            </span>
          )}
        </div>
        <FilterBuilder path={path} onPathChange={setPath} onAdd={addLookup} />
        <div className="json-filter">
          <textarea
            aria-label="Filter lookups"
            placeholder='breed__icontains="mix", age__lt=5'
            value={where}
            onChange={(event) => setWhere(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run(where)
            }}
          />
          <button onClick={() => run(where)}>Run filter</button>
        </div>
        {error && <ErrorPanel error={error} />}
        {sql && (
          <div className="json-sql">
            <pre aria-label="Generated SQL">{sql}</pre>
            <button onClick={() => onOpenSql(sql + ';\n')}>Open in editor</button>
          </div>
        )}
        {result && column && (
          <FilterResult
            key={result.queryId}
            result={result}
            copyTarget={{
              dialect: connection.dialect,
              schema: object.schema,
              table: object.name,
            }}
            jsonColumns={new Set(columns?.map((c) => c.name))}
            onSelect={setSelected}
          />
        )}
        {sql && where.trim() && (
          <IndexAdvicePanel advice={advice} onCheck={advise} onOpenSql={onOpenSql} />
        )}
      </div>
      {selected && (
        <JsonCellPanel
          client={client}
          connectionId={connectionId}
          object={object}
          cell={selected}
          onFilterBy={addLookup}
          onOpenSql={onOpenSql}
        />
      )}
    </section>
  )
}

function FilterResult(props: {
  result: ResultSet
  copyTarget: CopyTarget
  jsonColumns: Set<string>
  onSelect(cell: SelectedCell): void
}) {
  const { result, jsonColumns, onSelect } = props
  const snapshot = useSyncExternalStore(result.subscribe, result.getSnapshot)
  const [layout] = useState(() => new GridLayout())
  if (snapshot.error) return <ErrorPanel error={snapshot.error} />
  return (
    <div className="json-result">
      <p className="json-result-count">
        {snapshot.status === 'running' ? (
          <>
            Running… {rows(snapshot.rowCount)} so far{' '}
            <button onClick={() => void result.cancel()}>Cancel filter</button>
          </>
        ) : (
          rows(snapshot.rowCount)
        )}
      </p>
      {snapshot.columns.length > 0 && (
        <DataGrid
          source={result}
          columns={snapshot.columns}
          rowCount={snapshot.rowCount}
          label="Filter result"
          layout={layout}
          copyTarget={props.copyTarget}
          onFocusCell={(index, at) => {
            const cells = result.row(index)
            const column = snapshot.columns[at]
            if (!cells || !column) return
            const row = Object.fromEntries(
              snapshot.columns.map((c, i) => [c.name, cells[i] ?? null]),
            )
            onSelect({
              column: column.name,
              value: valueOf(cells[at] ?? null, jsonColumns.has(column.name)),
              row,
            })
          }}
        />
      )}
    </div>
  )
}

/** A cell as a JSON value: JSON cells as they are, text of a JSON column parsed, anything else as itself. */
function valueOf(cell: Cell, jsonColumn: boolean): JsonValue {
  if (isJsonCell(cell)) return cell.$json as JsonValue
  if (jsonColumn && typeof cell === 'string') {
    try {
      return JSON.parse(cell) as JsonValue
    } catch {
      return cell
    }
  }
  return typeof cell === 'object' && cell !== null ? JSON.stringify(cell) : cell
}

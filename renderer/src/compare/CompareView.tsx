import { useEffect, useRef, useState } from 'react'
import type { ConnectionInfo } from '../../../shared/contract'
import type { DialectName } from '../../../shared/connectionUrl'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { Backfill, Rename, SchemaChange } from '../../../shared/schema/SchemaChange'
import type { SluiceClient } from '../../../shared/transport'
import { ask, useOverlays } from '../workspace/ask'
import { DdlViewer } from '../monaco/DdlViewer'
import { ErrorPanel } from '../errors/ErrorPanel'
import { PreviewPane } from '../preview/PreviewPane'
import { usePreview } from '../preview/usePreview'
import { ChangeTree } from './ChangeTree'
import { SchemaDiffEditor } from './SchemaDiffEditor'
import { SourcePicker, sourceOf, type SourceKind } from './SourcePicker'

type Side = { kind: SourceKind; path: string }

interface Props {
  client: SluiceClient
  connection: ConnectionInfo
  /** The sources to start from: what the tab had before a reload. */
  initial?: { from: Side; to: Side }
  /** Told the sources as they change, for the tab to bring back after a reload. */
  onRemember?(sources: { from: Side; to: Side }): void
}

interface Loaded {
  compareId: string
  dialect: DialectName
  fromDdl: string
  toDdl: string
}

interface Plan {
  changes: SchemaChange[]
  renameCandidates: Rename[]
  migration: string
}

let comparisons = 0

/**
 * Schema compare: two sources, the changes between them by table with their
 * safety, both schemas' DDL side by side, and the migration that gets from
 * one to the other, saved into the connection's migrations folder.
 */
export function CompareView({ client, connection, initial, onRemember }: Props) {
  const { connectionId } = connection
  const [from, setFrom] = useState<Side>(initial?.from ?? { kind: 'connection', path: '' })
  const [to, setTo] = useState<Side>(initial?.to ?? { kind: 'sqlFile', path: '' })
  const remember = useRef(onRemember)
  remember.current = onRemember
  useEffect(() => remember.current?.({ from, to }), [from, to])
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [plan, setPlan] = useState<Plan | null>(null)
  const [renames, setRenames] = useState<Rename[]>([])
  const [backfills, setBackfills] = useState<Backfill[]>([])
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<SluiceErrorData | null>(null)
  const [dir, setDir] = useState('')
  const [name, setName] = useState('schema_changes')
  const [saved, setSaved] = useState<string | null>(null)
  const { preview, runPreview, cancel: cancelPreview, reset: resetPreview } = usePreview(client)
  const production = useRef(false)
  const overlays = useOverlays()

  useEffect(() => {
    void client.call('migrations.settings', { connectionId }).then((s) => {
      setDir(s.dir ?? '')
      production.current = s.production
    })
  }, [client, connectionId])

  const current = useRef<string | null>(null)
  useEffect(
    () => () => {
      if (current.current) void client.call('compare.close', { compareId: current.current })
    },
    [client],
  )

  const replan = async (compareId: string, nextRenames: Rename[], nextBackfills: Backfill[]) => {
    setRenames(nextRenames)
    setBackfills(nextBackfills)
    setSaved(null)
    resetPreview()
    try {
      setPlan(
        await client.call('compare.plan', {
          compareId,
          renames: nextRenames,
          backfills: nextBackfills,
        }),
      )
      setError(null)
    } catch (e) {
      setError(toErrorData(e))
    }
  }

  const compare = async () => {
    const a = sourceOf(from.kind, from.path, connectionId)
    const b = sourceOf(to.kind, to.path, connectionId)
    if (!a || !b) return
    if (current.current) void client.call('compare.close', { compareId: current.current })
    const compareId = `compare-${Date.now().toString(36)}-${++comparisons}`
    current.current = compareId
    setBusy('Loading both schemas…')
    setPlan(null)
    setLoaded(null)
    try {
      const result = await client.call('compare.load', { compareId, from: a, to: b })
      if (current.current !== compareId) return
      setLoaded({ compareId, ...result })
      await replan(compareId, [], [])
    } catch (e) {
      if (current.current === compareId) setError(toErrorData(e))
    } finally {
      if (current.current === compareId) setBusy(null)
    }
  }

  /** Stops a load: the engine cancels its running statement and drops its scratch database. */
  const cancel = () => {
    const compareId = current.current
    current.current = null
    setBusy(null)
    if (compareId) void client.call('compare.close', { compareId })
  }

  const save = async () => {
    if (!loaded || !dir.trim()) return
    if (
      production.current &&
      !(await ask(overlays, {
        label: 'Save this migration for production?',
        body: <p>{connection.title} is marked as a production connection.</p>,
        confirm: 'Save as migration',
      }))
    )
      return
    try {
      const { path } = await client.call('compare.save', {
        compareId: loaded.compareId,
        dir: dir.trim(),
        name: name.trim() || 'schema_changes',
        renames,
        backfills,
      })
      await client.call('migrations.remember', {
        connectionId,
        dir: dir.trim(),
        production: production.current,
      })
      setSaved(path)
      setError(null)
    } catch (e) {
      setError(toErrorData(e))
    }
  }

  const unanswered = plan?.changes.some(
    (c) =>
      c.safety === 'needsValue' &&
      (c.kind === 'addColumn' || c.kind === 'alterColumn') &&
      c.backfill === null,
  )
  const ready =
    sourceOf(from.kind, from.path, connectionId) && sourceOf(to.kind, to.path, connectionId)
  return (
    <div className="compare" data-testid="compare-view">
      <form
        className="compare-sources"
        onSubmit={(e) => {
          e.preventDefault()
          void compare()
        }}
      >
        <SourcePicker
          label="From"
          connection={connection}
          {...from}
          onChange={(kind, path) => setFrom({ kind, path })}
        />
        <SourcePicker
          label="To"
          connection={connection}
          {...to}
          onChange={(kind, path) => setTo({ kind, path })}
        />
        <button type="submit" disabled={!ready || busy !== null}>
          Compare
        </button>
        {busy && (
          <>
            <span className="muted" role="status">
              {busy}
            </span>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </>
        )}
      </form>
      {error && <ErrorPanel error={error} />}
      {loaded && plan && (
        <div className="compare-body">
          <section className="compare-changes">
            <h3>Changes</h3>
            <ChangeTree
              changes={plan.changes}
              candidates={plan.renameCandidates}
              confirmed={renames}
              onRename={(r) => void replan(loaded.compareId, [...renames, r], backfills)}
              onUndoRename={(r) =>
                void replan(
                  loaded.compareId,
                  renames.filter((x) => x !== r),
                  backfills,
                )
              }
              onBackfill={(b) => void replan(loaded.compareId, renames, [...backfills, b])}
            />
          </section>
          <section className="compare-ddl">
            <h3>Schemas</h3>
            <SchemaDiffEditor dialect={loaded.dialect} from={loaded.fromDdl} to={loaded.toDdl} />
          </section>
          <section className="compare-migration">
            <h3>Migration</h3>
            <DdlViewer dialect={loaded.dialect} ddl={plan.migration} label="Generated migration" />
            <form
              className="compare-save"
              onSubmit={(e) => {
                e.preventDefault()
                void save()
              }}
            >
              <label>
                Name
                <input value={name} onChange={(e) => setName(e.target.value)} />
              </label>
              <label>
                Migrations folder
                <input
                  value={dir}
                  onChange={(e) => setDir(e.target.value)}
                  placeholder="/path/to/migrations"
                />
              </label>
              <button
                type="submit"
                disabled={!dir.trim() || plan.changes.length === 0 || unanswered}
              >
                Save as migration
              </button>
              {unanswered && (
                <span className="muted">Give every column that needs a value one first.</span>
              )}
              {saved && <span role="status">Saved {saved}</span>}
            </form>
          </section>
          <section className="compare-preview">
            <h3>Preview</h3>
            <button
              disabled={
                from.kind !== 'connection' ||
                plan.changes.length === 0 ||
                preview.state === 'running'
              }
              title={
                from.kind !== 'connection'
                  ? 'A migration is previewed on the database it runs on: choose this connection as From'
                  : undefined
              }
              onClick={() =>
                void runPreview((previewId) =>
                  client.call('compare.preview', {
                    compareId: loaded.compareId,
                    previewId,
                    renames,
                    backfills,
                  }),
                )
              }
            >
              Preview on this connection
            </button>
            <PreviewPane
              preview={preview}
              onCancel={cancelPreview}
              hint="Runs this migration on a shadow of the connection and counts the rows that would fail or lose data."
            />
          </section>
        </div>
      )}
    </div>
  )
}

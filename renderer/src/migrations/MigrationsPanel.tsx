import { useCallback, useEffect, useRef, useState } from 'react'
import type { ConnectionInfo } from '../../../shared/contract'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { MigrationEntry, MigrationRunAction } from '../../../shared/migrationsContract'
import type { SluiceClient } from '../../../shared/transport'
import { DdlViewer } from '../monaco/DdlViewer'
import { ErrorPanel } from '../errors/ErrorPanel'
import { applyConfirmation } from '../preview/applyConfirmation'
import { ask, useOverlays } from '../workspace/ask'
import { PreviewPane } from '../preview/PreviewPane'
import { usePreview } from '../preview/usePreview'
import { StatementWithPosition } from './StatementWithPosition'
import { statusLabels } from './statusLabels'

interface Props {
  client: SluiceClient
  connection: ConnectionInfo
  /** A run ended (applied, rolled back, resolved or failed half-way): the schema may differ now. */
  onSchemaChanged(): void
}

interface Report {
  format: string
  historyTable: string
  migrations: MigrationEntry[]
}

type Run =
  | { state: 'idle' }
  | { state: 'running'; runId: string; line: string; fraction: number }
  | { state: 'failed'; error: SluiceErrorData; version: string | null }

let runs = 0

/**
 * A connection's migrations folder: status badges, the selected file's SQL,
 * and the actions, each with live per-statement progress, a confirmation on
 * production connections, and a failure's recovery choices.
 */
export function MigrationsPanel({ client, connection, onSchemaChanged }: Props) {
  const { connectionId } = connection
  const [dirInput, setDirInput] = useState('')
  const [dir, setDir] = useState<string | null>(null)
  const [production, setProduction] = useState(false)
  const [report, setReport] = useState<Report | null>(null)
  const [loadError, setLoadError] = useState<SluiceErrorData | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [run, setRun] = useState<Run>({ state: 'idle' })
  const [detailTab, setDetailTab] = useState<'sql' | 'preview'>('sql')
  const { preview, runPreview, cancel: cancelPreview, reset: resetPreview } = usePreview(client)
  const overlays = useOverlays()

  const refresh = useCallback(
    async (folder: string) => {
      try {
        setReport(await client.call('migrations.status', { connectionId, dir: folder }))
        setLoadError(null)
      } catch (error) {
        setReport(null)
        setLoadError(toErrorData(error))
      }
    },
    [client, connectionId],
  )

  useEffect(() => {
    void client.call('migrations.settings', { connectionId }).then((s) => {
      setProduction(s.production)
      setDirInput(s.dir ?? '')
      setDir(s.dir)
      if (s.dir) void refresh(s.dir)
    })
  }, [client, connectionId, refresh])

  // Refs, so that the one subscription sees the run started just now, even before a re-render.
  const runIdRef = useRef<string | null>(null)
  const schemaChanged = useRef(onSchemaChanged)
  schemaChanged.current = onSchemaChanged
  const dirRef = useRef<string | null>(null)
  dirRef.current = dir
  useEffect(
    () =>
      client.onEvent((event) => {
        if (!('runId' in event) || event.runId !== runIdRef.current) return
        if (event.type === 'migrations.progress')
          setRun({
            state: 'running',
            runId: event.runId,
            line: `Migration ${event.migration + 1} of ${event.migrations} (${event.version}_${event.name}): statement ${event.statement + 1} of ${event.statements}`,
            fraction:
              (event.migration + (event.statement + 1) / event.statements) / event.migrations,
          })
        else {
          runIdRef.current = null
          setRun(
            event.type === 'migrations.error'
              ? { state: 'failed', error: event.error, version: event.version }
              : { state: 'idle' },
          )
          if (dirRef.current) void refresh(dirRef.current)
          resetPreview()
          schemaChanged.current()
        }
      }),
    [client, refresh, resetPreview],
  )

  const openFolder = async (folder: string, asProduction = production) => {
    setDir(folder)
    await client.call('migrations.remember', {
      connectionId,
      dir: folder,
      production: asProduction,
    })
    await refresh(folder)
  }

  const previewPending = async () => {
    if (!dir) return null
    setDetailTab('preview')
    return runPreview((runId) => client.call('migrations.preview', { connectionId, runId, dir }))
  }

  const start = async (action: MigrationRunAction, what: string) => {
    if (!dir) return
    if (action.kind === 'up') {
      // Data changes between previews, so Apply previews again, and asks with the counts.
      const previewed = await previewPending()
      if (!previewed) return
      const to = action.to
      const applying = previewed.migrations.filter(
        (m) => to === undefined || BigInt(m.version) <= BigInt(to),
      )
      const question = applyConfirmation(applying)
      if (question && !(await ask(overlays, question))) return
    }
    if (
      production &&
      !(await ask(overlays, {
        label: `${what} on production?`,
        body: <p>{connection.title} is marked as a production connection.</p>,
        confirm: what,
      }))
    )
      return
    const id = `migrate-${Date.now().toString(36)}-${++runs}`
    runIdRef.current = id
    setRun({ state: 'running', runId: id, line: `${what}…`, fraction: 0 })
    try {
      await client.call('migrations.run', { connectionId, runId: id, dir, action })
    } catch (error) {
      setRun({ state: 'failed', error: toErrorData(error), version: null })
    }
  }

  const migrations = report?.migrations ?? []
  const firstPending = migrations.find((m) => m.status === 'pending' || m.status === 'out_of_order')
  const chosen = migrations.find((m) => m.version === selected) ?? null
  const failed = migrations.find((m) => m.status === 'failed') ?? null
  const busy = run.state === 'running' || preview.state === 'running'
  const lastApplied = [...migrations]
    .reverse()
    .find((m) => m.status === 'applied' || m.status === 'modified')
  return (
    <div className="migrations" data-testid="migrations-panel">
      <form
        className="migrations-folder"
        onSubmit={(e) => {
          e.preventDefault()
          if (dirInput.trim()) void openFolder(dirInput.trim())
        }}
      >
        <label>
          Migrations folder
          <input
            value={dirInput}
            onChange={(e) => setDirInput(e.target.value)}
            placeholder="/path/to/migrations"
          />
        </label>
        <button type="submit" disabled={!dirInput.trim()}>
          Open folder
        </button>
        <label className="inline">
          <input
            type="checkbox"
            checked={production}
            onChange={(e) => {
              setProduction(e.target.checked)
              void client.call('migrations.remember', {
                connectionId,
                dir,
                production: e.target.checked,
              })
            }}
          />
          Production (confirm every change)
        </label>
      </form>
      {!report && (
        <p className="muted pad">
          A folder of <code>&lt;version&gt;_&lt;name&gt;.sql</code> files, each with a{' '}
          <code>-- migrate:up</code> section and, to roll back, a <code>-- migrate:down</code> one
          (as dbmate writes them); golang-migrate, Flyway, Prisma and drizzle folders are read too.
          The path is on the machine Sluice runs on. Compare → Save as migration writes new files
          into it.
        </p>
      )}
      {loadError && <ErrorPanel error={loadError} />}
      {report && (
        <>
          <div className="migrations-actions">
            <span className="muted">
              {report.format} folder · history in {report.historyTable}
            </span>
            <button onClick={() => dir && void refresh(dir)} disabled={busy}>
              Refresh
            </button>
            <button
              disabled={busy || !firstPending || failed !== null}
              onClick={() => void previewPending()}
            >
              Preview
            </button>
            <button
              disabled={busy || !firstPending || failed !== null}
              onClick={() =>
                firstPending &&
                void start(
                  { kind: 'up', to: firstPending.version },
                  `Apply ${firstPending.version}_${firstPending.name}`,
                )
              }
            >
              Apply next
            </button>
            <button
              disabled={busy || !firstPending || failed !== null}
              onClick={() => void start({ kind: 'up' }, 'Apply all pending migrations')}
            >
              Apply all
            </button>
            <button
              disabled={
                busy ||
                !chosen ||
                !['pending', 'out_of_order'].includes(chosen.status) ||
                failed !== null
              }
              onClick={() =>
                chosen &&
                void start(
                  { kind: 'up', to: chosen.version },
                  `Apply migrations up to ${chosen.version}`,
                )
              }
            >
              Apply up to here
            </button>
            <button
              disabled={busy || !lastApplied?.hasDown || failed !== null}
              title={
                failed
                  ? `${failed.version}_${failed.name} failed: choose how to resolve it first`
                  : lastApplied && !lastApplied.hasDown
                    ? `${lastApplied.path ?? lastApplied.version} has no "-- migrate:down" section`
                    : undefined
              }
              onClick={() =>
                lastApplied &&
                void start(
                  { kind: 'down', steps: 1 },
                  `Roll back ${lastApplied.version}_${lastApplied.name}`,
                )
              }
            >
              Roll back
            </button>
            {run.state === 'running' && (
              <button onClick={() => void client.call('migrations.cancel', { runId: run.runId })}>
                Cancel
              </button>
            )}
          </div>
          {run.state === 'running' && (
            <div className="migrations-progress" role="status">
              <progress value={run.fraction} max={1} /> {run.line}
            </div>
          )}
          {(run.state === 'failed' || failed) && (
            <FailureView
              error={run.state === 'failed' ? run.error : null}
              failed={failed}
              busy={busy}
              onChoose={(choice, label) =>
                failed && void start({ kind: 'resolve', version: failed.version, choice }, label)
              }
            />
          )}
          <div className="migrations-body">
            <ul className="migration-list" aria-label="Migrations">
              {migrations.length === 0 && <li className="muted">No migrations in this folder.</li>}
              {migrations.map((m) => (
                <li key={m.version}>
                  <button
                    className={m.version === selected ? 'selected' : ''}
                    onClick={() => {
                      setSelected(m.version)
                      setDetailTab('sql')
                    }}
                    data-testid={`migration-${m.version}`}
                  >
                    <span className={`badge badge-${m.status}`}>{statusLabels[m.status]}</span>{' '}
                    {m.version}_{m.name}
                  </button>
                </li>
              ))}
            </ul>
            <div className="migration-detail">
              <div className="detail-tabs" role="tablist" aria-label="Migration detail">
                <button
                  role="tab"
                  aria-selected={detailTab === 'sql'}
                  onClick={() => setDetailTab('sql')}
                >
                  SQL
                </button>
                <button
                  role="tab"
                  aria-selected={detailTab === 'preview'}
                  onClick={() => setDetailTab('preview')}
                >
                  Preview
                </button>
              </div>
              {detailTab === 'preview' ? (
                <PreviewPane
                  preview={preview}
                  onCancel={cancelPreview}
                  hint="Preview runs the pending migrations on a shadow and counts the rows that would fail or lose data."
                />
              ) : chosen ? (
                <>
                  <div className="muted">
                    {chosen.path ?? 'The file is missing from the folder'}
                    {chosen.appliedAt ? ` · applied ${chosen.appliedAt}` : ''}
                  </div>
                  {chosen.status === 'modified' && (
                    <div className="drift" role="note">
                      Edited after it was applied: the file's checksum is{' '}
                      {chosen.checksum?.slice(0, 12)}…, the one recorded when it ran is{' '}
                      {chosen.appliedChecksum?.slice(0, 12)}…
                    </div>
                  )}
                  {chosen.sql !== null && (
                    <div className="migration-sections">
                      <h4>Up</h4>
                      <DdlViewer
                        dialect={connection.dialect}
                        ddl={chosen.sql}
                        label="Migration SQL"
                      />
                      <h4>Down</h4>
                      {chosen.downSql === null ? (
                        <p className="muted">
                          No “-- migrate:down” section: this migration cannot be rolled back.
                        </p>
                      ) : (
                        <DdlViewer
                          dialect={connection.dialect}
                          ddl={chosen.downSql}
                          label="Migration down SQL"
                        />
                      )}
                    </div>
                  )}
                </>
              ) : (
                <div className="muted">Select a migration to see its SQL.</div>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  )
}

/** The error that stopped a run, the statement it failed on, and the three ways on. */
function FailureView({
  error,
  failed,
  busy,
  onChoose,
}: {
  error: SluiceErrorData | null
  failed: MigrationEntry | null
  busy: boolean
  onChoose: (choice: 'retry' | 'applied' | 'rolled-back', label: string) => void
}) {
  const statement = error?.detail ?? failed?.failedStatement ?? null
  return (
    <div className="migration-failure" data-testid="migration-failure">
      {error ? (
        <ErrorPanel error={{ ...error, detail: undefined }} />
      ) : (
        failed && (
          <div className="error-panel" role="alert">
            <strong>
              {failed.version}_{failed.name} failed after {failed.statementsApplied} of{' '}
              {failed.statementsTotal} statements
            </strong>
            <div className="error-message">{failed.error}</div>
          </div>
        )
      )}
      {statement && <StatementWithPosition sql={statement} position={error?.position} />}
      {failed && (
        <div className="recovery" role="group" aria-label="Recovery choices">
          <button
            disabled={busy}
            onClick={() =>
              onChoose('retry', `Retry ${failed.version}_${failed.name} from the failed statement`)
            }
          >
            Retry from the failed statement
          </button>
          <button
            disabled={busy}
            onClick={() => onChoose('applied', `Mark ${failed.version}_${failed.name} as applied`)}
          >
            Mark as applied
          </button>
          <button
            disabled={busy}
            onClick={() =>
              onChoose('rolled-back', `Forget ${failed.version}_${failed.name} (rolled back)`)
            }
          >
            Forget it (rolled back)
          </button>
        </div>
      )}
    </div>
  )
}

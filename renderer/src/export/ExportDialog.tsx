import { useEffect, useMemo, useState } from 'react'
import type { MethodInput } from '../../../shared/contract'
import { rows } from '../../../shared/count'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'
import { ErrorPanel } from '../errors/ErrorPanel'
import { Dialog } from '../workspace/Dialog'

type Format = MethodInput<'export.start'>['format']
export type ExportSource = MethodInput<'export.start'>['source']

interface Props {
  client: SluiceClient
  source: ExportSource
  /** Folder and file name offered until the user types another path. */
  folder: string
  name: string
  onClose(): void
}

const formats: { value: Format; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON (one array)' },
  { value: 'ndjson', label: 'NDJSON (one object per line)' },
  { value: 'sql', label: 'SQL INSERT statements' },
]

type Progress =
  | { state: 'idle' }
  | { state: 'running'; rows: number; bytes: number }
  | { state: 'done'; rows: number; bytes: number; path: string }
  | { state: 'error'; error: SluiceErrorData }

let exports = 0

/** Streams a result or a table to a file in the engine, with progress and a way to stop it. */
export function ExportDialog({ client, source, folder, name, onClose }: Props) {
  const [format, setFormat] = useState<Format>('csv')
  const [path, setPath] = useState(joinPath(folder, `${name}.csv`))
  const [overwrite, setOverwrite] = useState(false)
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })
  const exportId = useMemo(() => `export-${Date.now().toString(36)}-${++exports}`, [])

  useEffect(
    () =>
      client.onEvent((event) => {
        if (!('exportId' in event) || event.exportId !== exportId) return
        if (event.type === 'export.progress')
          setProgress({ state: 'running', rows: event.rows, bytes: event.bytes })
        else if (event.type === 'export.done')
          setProgress({ state: 'done', rows: event.rows, bytes: event.bytes, path: event.path })
        else setProgress({ state: 'error', error: event.error })
      }),
    [client, exportId],
  )

  const chooseFormat = (next: Format) => {
    setFormat(next)
    // The extension follows the format unless the user has named the file something else.
    setPath((current) => current.replace(/\.(csv|json|ndjson|sql)$/, `.${next}`))
  }

  const start = async () => {
    setProgress({ state: 'running', rows: 0, bytes: 0 })
    try {
      await client.call('export.start', { exportId, source, format, path, overwrite })
    } catch (error) {
      setProgress({
        state: 'error',
        error: toErrorData(error),
      })
    }
  }

  const running = progress.state === 'running'
  return (
    <Dialog
      label="Export"
      heading={`Export ${source.kind === 'table' ? source.object.name : 'result'}`}
      onClose={() => {
        if (!running) onClose()
      }}
    >
      <label>
        Format
        <select
          value={format}
          onChange={(e) => chooseFormat(e.target.value as Format)}
          disabled={running}
        >
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        File
        <input value={path} onChange={(e) => setPath(e.target.value)} disabled={running} />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={overwrite}
          onChange={(e) => setOverwrite(e.target.checked)}
          disabled={running}
        />
        Replace the file if it exists
      </label>
      {progress.state === 'running' && (
        <div className="busy-text" role="status">
          Exporting… {rows(progress.rows)}, {formatBytes(progress.bytes)}
        </div>
      )}
      {progress.state === 'done' && (
        <div className="ok-text" role="status">
          Exported {rows(progress.rows)} ({formatBytes(progress.bytes)}) to {progress.path}
        </div>
      )}
      {progress.state === 'error' && <ErrorPanel error={progress.error} />}
      <div className="dialog-buttons">
        {running ? (
          <button onClick={() => void client.call('export.cancel', { exportId })}>
            Cancel export
          </button>
        ) : (
          progress.state !== 'done' && (
            <button className="primary" onClick={() => void start()} disabled={!path.trim()}>
              Export
            </button>
          )
        )}
        <button onClick={onClose} disabled={running}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

function joinPath(folder: string, file: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/'
  return folder.endsWith(separator) ? folder + file : folder + separator + file
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}

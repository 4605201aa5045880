import { ErrorPanel } from '../errors/ErrorPanel'
import { PreviewView } from './PreviewView'
import type { PreviewState } from './usePreview'

interface Props {
  preview: PreviewState
  onCancel: () => void
  /** Shown before any preview ran. */
  hint: string
}

/** The Preview tab's body: progress with Cancel, the error, or the report. */
export function PreviewPane({ preview, onCancel, hint }: Props) {
  switch (preview.state) {
    case 'idle':
      return <div className="muted">{hint}</div>
    case 'running':
      return (
        <div className="migrations-progress" role="status">
          Previewing on a shadow; the database itself is not touched…{' '}
          <button onClick={onCancel}>Cancel preview</button>
        </div>
      )
    case 'failed':
      return <ErrorPanel error={preview.error} />
    case 'done':
      return <PreviewView report={preview.report} />
  }
}

import type { SluiceErrorData } from '../../../shared/errors'
import { ErrorPanel } from '../errors/ErrorPanel'
import { Dialog } from './Dialog'

/** Says what failed, in the engine's or the server's words, for an action that has no view of its own. */
export function ErrorDialog(props: { label: string; error: SluiceErrorData; onClose(): void }) {
  return (
    <Dialog label={props.label} onClose={props.onClose}>
      <ErrorPanel error={props.error} />
      <div className="dialog-buttons">
        <button autoFocus onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

import { useState, type ReactNode } from 'react'
import type { SluiceErrorData } from '../../../shared/errors'
import { ErrorPanel } from '../errors/ErrorPanel'
import { Dialog } from './Dialog'

interface Props {
  label: string
  children: ReactNode
  /** Names the act and its object: "Drop table orders". */
  confirmLabel: string
  /** Does it; resolves with what failed, or null when done (the dialog then closes). */
  onConfirm(): Promise<SluiceErrorData | null>
  onClose(): void
}

/**
 * Asks before a change that loses data. The confirming button names the act
 * and the object, Cancel has the focus, and a failure is shown here with the
 * server's words rather than lost.
 */
export function ConfirmDialog({ label, children, confirmLabel, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<SluiceErrorData | null>(null)
  const confirm = async () => {
    setBusy(true)
    const failure = await onConfirm()
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
  }
  return (
    <Dialog label={label} onClose={() => !busy && onClose()}>
      {children}
      {error && <ErrorPanel error={error} />}
      <div className="dialog-buttons">
        <button className="danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
        <button autoFocus onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}

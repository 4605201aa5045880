import { createContext, useContext, type ReactNode } from 'react'
import { Dialog } from './Dialog'
import type { Overlays } from './Overlays'

export interface Question {
  /** The dialog's name, a question: "Discard the unsaved text in Query 2?". */
  label: string
  body?: ReactNode
  /** Names the act: "Discard and close", "Apply anyway". */
  confirm: string
  /** The act loses data or cannot be undone: its button says so. */
  danger?: boolean
}

/**
 * Asks in the app's own dialog (a dialog with a name, Esc to refuse) rather
 * than the browser's confirm(): resolves true when the user confirms.
 */
export function ask(overlays: Overlays, question: Question): Promise<boolean> {
  return new Promise((resolve) =>
    overlays.show((close) => {
      const answer = (yes: boolean) => {
        close()
        resolve(yes)
      }
      return (
        <Dialog label={question.label} onClose={() => answer(false)}>
          {question.body}
          <div className="dialog-buttons">
            <button className={question.danger ? 'danger' : 'primary'} onClick={() => answer(true)}>
              {question.confirm}
            </button>
            <button autoFocus onClick={() => answer(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )
    }),
  )
}

const OverlaysContext = createContext<Overlays | null>(null)

/** Gives views below it the workspace's dialogs. */
export const OverlaysProvider = OverlaysContext.Provider

/** The workspace's dialogs, for a view that must ask before it acts. */
export function useOverlays(): Overlays {
  const overlays = useContext(OverlaysContext)
  if (!overlays) throw new Error('useOverlays outside OverlaysProvider')
  return overlays
}

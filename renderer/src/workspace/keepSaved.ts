import { parseSavedWorkspace, type SavedWorkspace } from './savedWorkspace'
import type { Workspace } from './Workspace'

const storageKey = 'sluice.workspace'
/** Typing in an editor changes the workspace on every key; it is written at most this often. */
const delayMs = 300

/**
 * The workspace as the page's storage last kept it. In Electron that storage
 * is in the user data folder and survives a restart; in web mode it belongs to
 * the server's address and survives a reload. It never holds a password.
 */
export function loadWorkspace(storage: Storage | null): SavedWorkspace | null {
  try {
    return parseSavedWorkspace(storage?.getItem(storageKey) ?? null)
  } catch {
    return null
  }
}

/**
 * Writes the workspace whenever it changes (debounced) and as the page goes
 * away; returns a stop. `onProblem` hears why it could not be kept (storage
 * full: a huge editor text, say), and null once it is kept again.
 */
export function keepSaved(
  workspace: Workspace,
  storage: Storage | null,
  onProblem: (message: string | null) => void = () => undefined,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const write = () => {
    if (timer) clearTimeout(timer)
    timer = null
    const text = JSON.stringify(workspace.save())
    try {
      storage?.setItem(storageKey, text)
      onProblem(null)
    } catch {
      // The workspace goes on; it is only not remembered, and that is said.
      const mb = (text.length / 1024 / 1024).toFixed(1)
      onProblem(
        `The workspace (${mb} MB of tabs and editor text) is too large for this page's storage: a reload would not bring back the latest changes. Save large scripts as saved queries or close tabs you do not need.`,
      )
    }
  }
  const stop = workspace.onChange(() => {
    timer ??= setTimeout(write, delayMs)
  })
  globalThis.addEventListener?.('pagehide', write)
  return () => {
    stop()
    globalThis.removeEventListener?.('pagehide', write)
    if (timer) write()
  }
}

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

/** Writes the workspace whenever it changes (debounced) and as the page goes away; returns a stop. */
export function keepSaved(workspace: Workspace, storage: Storage | null): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const write = () => {
    if (timer) clearTimeout(timer)
    timer = null
    try {
      storage?.setItem(storageKey, JSON.stringify(workspace.save()))
    } catch {
      // Storage full or refused: the workspace goes on; it is only not remembered.
    }
  }
  const stop = workspace.onChange(() => {
    timer ??= setTimeout(write, delayMs)
  })
  window.addEventListener('pagehide', write)
  return () => {
    stop()
    window.removeEventListener('pagehide', write)
    if (timer) write()
  }
}

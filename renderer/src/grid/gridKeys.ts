import type { GridMove } from './selection'

/** The parts of a keyboard event the grid reads. */
export interface KeyChord {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

export type GridKeyCommand =
  | { kind: 'move'; move: GridMove; extend: boolean }
  | { kind: 'selectAll' }
  /** Escape: the selection collapses onto the active cell. */
  | { kind: 'collapse' }
  | { kind: 'copy' }
  /** Shift+F10 or the context-menu key: the copy menu at the active cell. */
  | { kind: 'menu' }

const arrows: Record<string, [GridMove, GridMove]> = {
  // [plain, with Ctrl or Cmd]: Ctrl+arrow jumps to the edge, as in spreadsheets.
  ArrowUp: ['up', 'columnStart'],
  ArrowDown: ['down', 'columnEnd'],
  ArrowLeft: ['left', 'rowStart'],
  ArrowRight: ['right', 'rowEnd'],
  Home: ['rowStart', 'gridStart'],
  End: ['rowEnd', 'gridEnd'],
  PageUp: ['pageUp', 'pageUp'],
  PageDown: ['pageDown', 'pageDown'],
}

/**
 * What a key does in the grid, or null for keys it leaves alone. Ctrl and
 * Cmd are one modifier, so the same chords work on macOS.
 */
export function gridCommandFor(chord: KeyChord): GridKeyCommand | null {
  const command = chord.ctrlKey || chord.metaKey
  if (chord.altKey) return null
  const arrow = arrows[chord.key]
  if (arrow) return { kind: 'move', move: arrow[command ? 1 : 0], extend: chord.shiftKey }
  if (command && chord.key.toLowerCase() === 'a') return { kind: 'selectAll' }
  if (command && chord.key.toLowerCase() === 'c') return { kind: 'copy' }
  if (chord.key === 'Escape' && !command) return { kind: 'collapse' }
  if ((chord.key === 'F10' && chord.shiftKey) || chord.key === 'ContextMenu')
    return { kind: 'menu' }
  return null
}

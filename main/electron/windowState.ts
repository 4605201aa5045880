import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

const fallback: WindowState = { width: 1280, height: 820, maximized: false }

function stateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json')
}

/** The last window bounds, or defaults when none were saved or the file is unreadable. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    const saved = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as Partial<WindowState>
    const size = (n: unknown, min: number) => (typeof n === 'number' && n >= min ? n : undefined)
    return {
      x: size(saved.x, -10_000),
      y: size(saved.y, -10_000),
      width: size(saved.width, 400) ?? fallback.width,
      height: size(saved.height, 300) ?? fallback.height,
      maximized: saved.maximized === true,
    }
  } catch {
    return fallback
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    writeFileSync(stateFile(dataDir), JSON.stringify(state))
  } catch {
    // Losing the window position is not worth interrupting a quit for.
  }
}

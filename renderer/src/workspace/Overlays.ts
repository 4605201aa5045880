import type { ReactNode } from 'react'
import { Store } from './Store'

/** Draws a dialog; `close` takes it away. */
export type OverlayRender = (close: () => void) => ReactNode

export interface OverlaysState {
  /** The dialog on show, at most one at a time; null for none. */
  current: { id: number; render: OverlayRender } | null
}

let overlays = 0

/**
 * The one dialog in front of the workspace (connect, save, export, command
 * palette, a confirmation). Commands open them through here, so a shortcut
 * and a button show the same dialog.
 */
export class Overlays extends Store<OverlaysState> {
  constructor() {
    super({ current: null })
  }

  show(render: OverlayRender): void {
    this.update({ current: { id: ++overlays, render } })
  }

  close(): void {
    if (this.state.current) this.update({ current: null })
  }
}

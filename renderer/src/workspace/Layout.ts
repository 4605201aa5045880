import { createContext } from 'react'
import { z } from 'zod'
import { Store } from './Store'

const layoutSchema = z.object({
  /** The sidebar's width in CSS pixels. */
  sidebarWidth: z.number().min(160).max(900),
  /** The share of a query tab's height the editor takes, above its results (0–1). */
  editorShare: z.number().min(0.1).max(0.9),
  /** The value panel's width beside a grid, in CSS pixels. */
  valuePanelWidth: z.number().min(160).max(1200),
  /** The theme the user chose; `system` follows prefers-color-scheme. */
  theme: z.enum(['system', 'light', 'dark']),
})
export type LayoutState = z.infer<typeof layoutSchema>
export type ThemeChoice = LayoutState['theme']

const defaults: LayoutState = {
  sidebarWidth: 300,
  editorShare: 0.4,
  valuePanelWidth: 320,
  theme: 'system',
}

const storageKey = 'sluice.layout'

/**
 * Sizes and the theme, remembered in the page's storage (Electron keeps it in
 * the user data folder), so a splitter dragged once stays where it was put.
 */
export class Layout extends Store<LayoutState> {
  constructor(private readonly storage: Storage | null) {
    super(readLayout(storage))
  }

  set(change: Partial<LayoutState>): void {
    const next = layoutSchema.safeParse({ ...this.state, ...change })
    if (!next.success) return
    this.update(next.data)
    try {
      this.storage?.setItem(storageKey, JSON.stringify(this.state))
    } catch {
      // Storage full or refused: the layout still applies to this page.
    }
  }
}

function readLayout(storage: Storage | null): LayoutState {
  try {
    const parsed = layoutSchema
      .partial()
      .safeParse(JSON.parse(storage?.getItem(storageKey) ?? '{}'))
    return { ...defaults, ...(parsed.success ? parsed.data : {}) }
  } catch {
    return defaults
  }
}

/** The workspace's layout, for parts drawn deep inside a tab (the value panel's width); null outside one. */
export const LayoutContext = createContext<Layout | null>(null)

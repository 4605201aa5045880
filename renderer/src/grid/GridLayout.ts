import { z } from 'zod'
export { columnKeys } from '../../../shared/columnKeys'

/**
 * How a grid's columns are laid out, keyed by column key (see `columnKeys`):
 * plain JSON, so an owner can persist it and restore it with `GridLayout.from`.
 */
export interface GridLayoutState {
  /** Widths in CSS pixels; a column not listed has `defaultColumnWidth`. */
  widths: Record<string, number>
  /** Keys in display order; columns not listed follow in their result order. */
  order: string[]
  hidden: string[]
}

export const defaultColumnWidth = 180
export const minColumnWidth = 40
export const maxColumnWidth = 2000

const stateSchema = z.object({
  widths: z.record(z.string(), z.number()),
  order: z.array(z.string()),
  hidden: z.array(z.string()),
})

const empty: GridLayoutState = { widths: {}, order: [], hidden: [] }

/** Every column's index into `keys`, in display order, hidden ones included. */
export function orderedColumns(state: GridLayoutState, keys: readonly string[]): number[] {
  const index = new Map(keys.map((key, i) => [key, i]))
  const placed = state.order.flatMap((key) => (index.has(key) ? [index.get(key)!] : []))
  const seen = new Set(placed)
  return [...placed, ...keys.flatMap((_, i) => (seen.has(i) ? [] : [i]))]
}

/** The shown columns' indices into `keys`, in display order. */
export function visibleColumns(state: GridLayoutState, keys: readonly string[]): number[] {
  const hidden = new Set(state.hidden)
  return orderedColumns(state, keys).filter((i) => !hidden.has(keys[i]!))
}

export function columnWidth(state: GridLayoutState, key: string): number {
  return state.widths[key] ?? defaultColumnWidth
}

/**
 * A grid's column widths, order and hidden columns as a store
 * (`subscribe` / `getSnapshot`), so its owner can keep it while the grid is
 * not shown and save it with `toJSON`.
 */
export class GridLayout {
  private state: GridLayoutState
  private readonly listeners = new Set<() => void>()

  constructor(state: GridLayoutState = empty) {
    this.state = state
  }

  /** A layout from saved JSON; anything that is not a saved layout gives the default one. */
  static from(json: unknown): GridLayout {
    const parsed = stateSchema.safeParse(json)
    return new GridLayout(parsed.success ? parsed.data : empty)
  }

  toJSON(): GridLayoutState {
    return this.state
  }

  /** Sets a width in CSS pixels, kept within `minColumnWidth`..`maxColumnWidth`. */
  resize(key: string, width: number): void {
    const clamped = Math.round(Math.min(maxColumnWidth, Math.max(minColumnWidth, width)))
    if (this.state.widths[key] === clamped) return
    this.update({ widths: { ...this.state.widths, [key]: clamped } })
  }

  /** Moves a column past `steps` shown columns (negative: to the left); hidden ones keep their places. */
  move(keys: readonly string[], key: string, steps: number): void {
    const shown = visibleColumns(this.state, keys).map((i) => keys[i]!)
    const from = shown.indexOf(key)
    if (from < 0) return
    const to = Math.min(shown.length - 1, Math.max(0, from + steps))
    if (to === from) return
    this.place(keys, key, shown[to]!, steps > 0 ? 'after' : 'before')
  }

  /** Moves a column to `position` among the shown columns (0: first; their count: last), as a header drop does. */
  moveTo(keys: readonly string[], key: string, position: number): void {
    const shown = visibleColumns(this.state, keys).map((i) => keys[i]!)
    const from = shown.indexOf(key)
    if (from < 0 || position === from || position === from + 1) return
    if (position >= shown.length) this.place(keys, key, shown[shown.length - 1]!, 'after')
    else this.place(keys, key, shown[Math.max(0, position)]!, 'before')
  }

  hide(key: string): void {
    if (!this.state.hidden.includes(key)) this.update({ hidden: [...this.state.hidden, key] })
  }

  show(key: string): void {
    if (this.state.hidden.includes(key))
      this.update({ hidden: this.state.hidden.filter((hidden) => hidden !== key) })
  }

  showAll(): void {
    if (this.state.hidden.length > 0) this.update({ hidden: [] })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): GridLayoutState => this.state

  private place(keys: readonly string[], key: string, target: string, side: 'before' | 'after') {
    const order = orderedColumns(this.state, keys)
      .map((i) => keys[i]!)
      .filter((other) => other !== key)
    order.splice(order.indexOf(target) + (side === 'after' ? 1 : 0), 0, key)
    this.update({ order })
  }

  private update(change: Partial<GridLayoutState>): void {
    this.state = { ...this.state, ...change }
    for (const listener of this.listeners) listener()
  }
}

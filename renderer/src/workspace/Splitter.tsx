import { useRef } from 'react'

interface Props {
  /** What it resizes, for its accessible name: "Resize the sidebar". */
  label: string
  orientation: 'vertical' | 'horizontal'
  /** The current size, in pixels, and the bounds it may take. */
  value: number
  min: number
  max: number
  /** A new size in pixels; called while dragging and on arrow keys. */
  onChange(value: number): void
  /** +1 when dragging right/down grows the size, -1 when it shrinks it. */
  direction?: 1 | -1
}

/**
 * The bar between two panes: drag it, or focus it and use the arrow keys
 * (Shift for bigger steps, Home/End for the bounds), as a window splitter
 * does (WAI-ARIA's separator pattern).
 */
export function Splitter({ label, orientation, value, min, max, onChange, direction = 1 }: Props) {
  const start = useRef<{ pointer: number; value: number } | null>(null)
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)))
  const along = (event: { clientX: number; clientY: number }) =>
    orientation === 'vertical' ? event.clientX : event.clientY
  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(event) => {
        event.preventDefault()
        event.currentTarget.setPointerCapture(event.pointerId)
        start.current = { pointer: along(event), value }
      }}
      onPointerMove={(event) => {
        if (!start.current) return
        onChange(clamp(start.current.value + direction * (along(event) - start.current.pointer)))
      }}
      onPointerUp={() => {
        start.current = null
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 50 : 10
        const grow = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown'
        const shrink = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp'
        let next: number | null = null
        if (event.key === grow) next = value + direction * step
        else if (event.key === shrink) next = value - direction * step
        else if (event.key === 'Home') next = min
        else if (event.key === 'End') next = max
        if (next === null) return
        event.preventDefault()
        onChange(clamp(next))
      }}
    />
  )
}

let context: CanvasRenderingContext2D | null | undefined

/**
 * The width in CSS pixels of `text` drawn in `font` (a CSS font shorthand, as
 * `getComputedStyle(element).font` gives it). A canvas measures without
 * laying anything out, so fitting a column to a thousand rows stays cheap.
 */
export function measureText(text: string, font: string): number {
  context ??= document.createElement('canvas').getContext('2d')
  if (!context) return text.length * 8
  context.font = font
  return context.measureText(text).width
}

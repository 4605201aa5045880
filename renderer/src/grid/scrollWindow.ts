/** Every row is this tall, in CSS pixels, so a row's place is arithmetic rather than layout. */
export const rowHeight = 24
/** Rows drawn beyond each edge of the view, so a short scroll shows rows already there. */
const overscan = 10
/**
 * Browsers cap an element's height (Chrome near 33 million pixels), and ten
 * million rows need 240 million. Past this height the scrollbar is scaled: its
 * whole travel maps onto the whole result, so the end is always reachable.
 */
export const maxScrollHeight = 10_000_000

/** Which rows to draw for a scroll position, and where. */
export interface RowWindow {
  /** Height of the scrolled content below the header. */
  spacerHeight: number
  /** How far into the rows the view starts, in unscaled pixels. */
  position: number
  /** Rows first..last (exclusive) are drawn. */
  first: number
  last: number
}

/**
 * The rows in view for `scrollTop` when `viewport` pixels of rows show below
 * the header. A row's top in the content is `rowTop(row, scrollTop, window)`.
 */
export function rowWindow(rowCount: number, scrollTop: number, viewport: number): RowWindow {
  const { spacerHeight, scrollRange, contentRange } = ranges(rowCount, viewport)
  const position = scrollRange > 0 ? Math.min(1, scrollTop / scrollRange) * contentRange : 0
  return {
    spacerHeight,
    position,
    first: Math.max(0, Math.floor(position / rowHeight) - overscan),
    last: Math.min(rowCount, Math.ceil((position + viewport) / rowHeight) + overscan),
  }
}

/** Where a row is drawn in the spacer: rows stay put relative to the view, however the bar is scaled. */
export function rowTop(row: number, scrollTop: number, window: RowWindow): number {
  return scrollTop + row * rowHeight - window.position
}

/**
 * The scrollTop that brings `row` wholly into view with the least travel, or
 * null when it is in view already. Whole pixels: one pixel of a scaled bar
 * moves many rows' worth, so rounding goes the way that keeps the row inside.
 */
export function scrollTopToReveal(
  row: number,
  rowCount: number,
  scrollTop: number,
  viewport: number,
): number | null {
  const { scrollRange, contentRange } = ranges(rowCount, viewport)
  if (scrollRange <= 0) return null
  const scale = contentRange / scrollRange
  const position = Math.min(1, scrollTop / scrollRange) * contentRange
  const top = row * rowHeight
  if (top < position) return Math.floor(top / scale)
  if (top + rowHeight > position + viewport) return Math.ceil((top + rowHeight - viewport) / scale)
  return null
}

function ranges(rowCount: number, viewport: number) {
  const contentHeight = rowCount * rowHeight
  const spacerHeight = Math.min(contentHeight, maxScrollHeight)
  return {
    spacerHeight,
    scrollRange: Math.max(0, spacerHeight - viewport),
    contentRange: Math.max(0, contentHeight - viewport),
  }
}

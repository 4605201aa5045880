import { displayText } from './cellDisplay'
import type { GridSource } from './GridSource'
import { measureText } from './measureText'

/** A fitted column is never wider than this, however long its longest value. */
const maxFitWidth = 600
/** Rows either side of the view whose text a fit also measures, where their pages are loaded. */
const nearRows = 500
/** Padding, border, sort mark and menu button around a header's text, in CSS pixels. */
const headerChrome = 56
const cellChrome = 18

/**
 * The width that shows a column's header and the text of its loaded rows near
 * the view, measured in the fonts the grid draws them with; capped at 600px.
 */
export function fitWidth(options: {
  grid: HTMLElement
  header: HTMLElement
  source: GridSource
  column: number
  /** The rows in view, first..last exclusive. */
  first: number
  last: number
  rowCount: number
}): number {
  const { grid, header, source, column } = options
  const font = (element: Element | null) => getComputedStyle(element ?? grid).font
  const name = header.querySelector('.dg-header-name')
  const type = header.querySelector('.dg-header-type')
  let widest =
    measureText(name?.textContent ?? '', font(name)) +
    measureText(type?.textContent ?? '', font(type)) +
    headerChrome
  const cellFont = font(grid.querySelector('.dg-cell'))
  const end = Math.min(options.rowCount, options.last + nearRows)
  for (let row = Math.max(0, options.first - nearRows); row < end; row++) {
    const cells = source.row(row)
    if (cells)
      widest = Math.max(
        widest,
        measureText(displayText(cells[column] ?? null), cellFont) + cellChrome,
      )
  }
  return Math.min(maxFitWidth, Math.ceil(widest))
}

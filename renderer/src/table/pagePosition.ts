import type { PagePosition } from './TableTab'

/** What the pager knows of the page on show. */
export interface PageFacts {
  /** Rows shown on this page. */
  shown: number
  loading: boolean
  /** The page could not be read: its error is shown, not a count. */
  failed: boolean
  /** 1-based number of the first row shown, when known. */
  first: number | null
  position: PagePosition | null
  hasNext: boolean
  /** The exact count, once counted. */
  counted: number | null
  /** The table's row estimate from statistics, when no filter applies. */
  estimate: number | null
}

const number = new Intl.NumberFormat('en-US')

/**
 * Where the page sits, in words: `Rows 1,001–2,000 of 50,000`, `Row 1 of 1`,
 * `Rows 1–1,000 of ≈50,000` (an estimate), `Last 1,000 rows`. The total is
 * exact once counted, or when the page reaches the end from a known start.
 */
export function pagePosition(facts: PageFacts): string {
  const { shown, first, position } = facts
  if (facts.failed) return '—'
  if (shown === 0) return facts.loading ? 'Loading…' : 'No rows'
  const total =
    facts.counted ?? (first !== null && !facts.hasNext && !facts.loading ? first + shown - 1 : null)
  const of =
    total !== null
      ? ` of ${number.format(total)}`
      : facts.estimate !== null
        ? ` of ≈${number.format(facts.estimate)}`
        : ''
  if (first !== null)
    return shown === 1
      ? `Row ${number.format(first)}${of}`
      : `Rows ${number.format(first)}–${number.format(first + shown - 1)}${of}`
  if (position?.from === 'end' && position.after > 0)
    return `${number.format(shown)} rows, ${number.format(position.after)} before the end${of}`
  return `Last ${number.format(shown)} rows${of}`
}

import { describe, expect, it } from 'vitest'
import { pagePosition, type PageFacts } from './pagePosition'

const page = (facts: Partial<PageFacts>): PageFacts => ({
  shown: 1000,
  loading: false,
  failed: false,
  first: 1,
  position: { from: 'start', first: 1 },
  hasNext: true,
  counted: null,
  estimate: null,
  ...facts,
})

describe('the pager in words', () => {
  it.each<[Partial<PageFacts>, string]>([
    [{ estimate: 50_000 }, 'Rows 1–1,000 of ≈50,000'],
    [{ first: 1001, counted: 50_000 }, 'Rows 1,001–2,000 of 50,000'],
    [{ shown: 200, hasNext: false, estimate: 200 }, 'Rows 1–200 of 200'],
    [{ shown: 10, hasNext: false }, 'Rows 1–10 of 10'],
    [{ shown: 1, hasNext: false }, 'Row 1 of 1'],
    [{ first: 2001, shown: 500, hasNext: false }, 'Rows 2,001–2,500 of 2,500'],
    [{ shown: 10, hasNext: false, loading: true }, 'Rows 1–10'],
    [{ first: null, position: { from: 'end', after: 0 } }, 'Last 1,000 rows'],
    [{ first: null, position: { from: 'end', after: 1000 } }, '1,000 rows, 1,000 before the end'],
    [{ shown: 0 }, 'No rows'],
    [{ shown: 0, loading: true }, 'Loading…'],
    [{ failed: true }, '—'],
  ])('%j says %s', (facts, words) => expect(pagePosition(page(facts))).toBe(words))
})

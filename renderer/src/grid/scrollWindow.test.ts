import { describe, expect, it } from 'vitest'
import { maxScrollHeight, rowHeight, rowTop, rowWindow, scrollTopToReveal } from './scrollWindow'

const viewport = 480

/** The rows wholly in view at a scrollTop. */
function inView(rowCount: number, scrollTop: number): [number, number] {
  const window = rowWindow(rowCount, scrollTop, viewport)
  const top = (row: number) => rowTop(row, scrollTop, window) - scrollTop
  let first = window.first
  while (top(first) < 0) first++
  let last = first
  while (last + 1 < window.last && top(last + 1) + rowHeight <= viewport) last++
  return [first, last]
}

describe('rowWindow', () => {
  it('draws only the rows near the view of a short result', () => {
    expect(rowWindow(100, 0, viewport)).toEqual({
      spacerHeight: 2400,
      position: 0,
      first: 0,
      last: 30,
    })
    expect(rowWindow(100, 2400 - viewport, viewport)).toMatchObject({ first: 70, last: 100 })
  })

  it('scales the bar for ten million rows, and its end shows the last row', () => {
    const rows = 10_000_000
    const end = rowWindow(rows, maxScrollHeight - viewport, viewport)
    expect(end.spacerHeight).toBe(maxScrollHeight)
    expect(end.last).toBe(rows)
    expect(end.last - end.first).toBeLessThan(50)
    expect(inView(rows, maxScrollHeight - viewport)[1]).toBe(rows - 1)
    const middle = inView(rows, (maxScrollHeight - viewport) / 2)[0]
    expect(Math.abs(middle - rows / 2)).toBeLessThan(50)
  })
})

describe('scrollTopToReveal', () => {
  it('leaves a row in view alone and scrolls the least to show one outside', () => {
    expect(scrollTopToReveal(5, 100, 0, viewport)).toBeNull()
    expect(scrollTopToReveal(20, 100, 0, viewport)).toBe(21 * rowHeight - viewport)
    expect(scrollTopToReveal(3, 100, 500, viewport)).toBe(3 * rowHeight)
    expect(scrollTopToReveal(99, 10, 0, viewport)).toBeNull()
  })

  it.each([0, 1, 2, 4_999_999, 9_999_998, 9_999_999, 1234567])(
    'brings row %i of ten million wholly into view on a scaled bar',
    (row) => {
      const rows = 10_000_000
      for (const from of [0, 123_456, maxScrollHeight - viewport]) {
        const to = scrollTopToReveal(row, rows, from, viewport) ?? from
        expect(Number.isInteger(to)).toBe(true)
        const [first, last] = inView(rows, Math.min(to, maxScrollHeight - viewport))
        expect(row).toBeGreaterThanOrEqual(first)
        expect(row).toBeLessThanOrEqual(last)
      }
    },
  )
})

import { describe, expect, it } from 'vitest'
import type { Cell } from '../../../shared/cells'
import { copyRange, maxCopyRows, readRows } from './copyRange'
import type { GridSource } from './GridSource'

/** A source of `count` rows `[i, 'r' + i]` with rows `loaded` in its pages; counts what it fetches. */
function fakeSource(count: number, loaded: [number, number]) {
  const make = (i: number): Cell[] => [i, `r${i}`]
  const fetched: [number, number][] = []
  const source: GridSource = {
    version: 0,
    subscribe: () => () => undefined,
    row: (i) => (i >= loaded[0] && i < loaded[1] ? make(i) : undefined),
    want: () => undefined,
    rows: async (start, end) => {
      fetched.push([start, end])
      return Array.from({ length: Math.min(end, count) - start }, (_, k) => make(start + k))
    },
  }
  return { source, fetched }
}

const columns = [
  { name: 'n', type: 'integer' },
  { name: 'label', type: 'text' },
]

describe('copyRange', () => {
  it('reads loaded rows from the pages without fetching', async () => {
    const { source, fetched } = fakeSource(5000, [0, 1000])
    expect(await readRows(source, 10, 13)).toEqual([
      [10, 'r10'],
      [11, 'r11'],
      [12, 'r12'],
    ])
    expect(fetched).toEqual([])
  })

  it('fetches a range that reaches past the loaded pages, once', async () => {
    const { source, fetched } = fakeSource(5000, [0, 1000])
    const rows = await readRows(source, 990, 1010)
    expect(rows).toHaveLength(20)
    expect(rows[19]).toEqual([1009, 'r1009'])
    expect(fetched).toEqual([[990, 1010]])
  })

  it('copies the shown columns of the range in display order', async () => {
    const { source } = fakeSource(5000, [0, 1000])
    const outcome = await copyRange({
      source,
      columns,
      display: [1, 0],
      range: { top: 2, bottom: 3, left: 0, right: 1 },
      format: 'csv',
    })
    expect(outcome).toEqual({
      text: 'label,n\nr2,2\nr3,3\n',
      summary: 'Copied 2 rows × 2 columns as CSV',
    })
  })

  it('refuses more than the cap, pointing at Export, and fetches nothing', async () => {
    const { source, fetched } = fakeSource(10_000_000, [0, 1000])
    const outcome = await copyRange({
      source,
      columns,
      display: [0, 1],
      range: { top: 0, bottom: maxCopyRows, left: 0, right: 0 },
      format: 'tsv',
    })
    expect(outcome).toEqual({ refused: expect.stringContaining('Export…') })
    expect('refused' in outcome && outcome.refused).toContain('100,001 rows')
    expect(fetched).toEqual([])
  })

  it('copies exactly the cap', async () => {
    const { source } = fakeSource(10_000_000, [0, 1000])
    const outcome = await copyRange({
      source,
      columns,
      display: [0, 1],
      range: { top: 0, bottom: maxCopyRows - 1, left: 0, right: 0 },
      format: 'tsv',
    })
    expect('text' in outcome && outcome.text.split('\n')).toHaveLength(maxCopyRows)
  })
})

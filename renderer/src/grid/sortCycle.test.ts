import { describe, expect, it } from 'vitest'
import { nextSort, type SortKey } from './sortCycle'

describe('nextSort', () => {
  it('cycles one column none → asc → desc → none', () => {
    const asc = nextSort([], 'name', false)
    expect(asc).toEqual([{ column: 'name', direction: 'asc' }])
    const desc = nextSort(asc, 'name', false)
    expect(desc).toEqual([{ column: 'name', direction: 'desc' }])
    expect(nextSort(desc, 'name', false)).toEqual([])
  })

  it('a plain click sorts by the clicked column alone', () => {
    const sort: SortKey[] = [
      { column: 'a', direction: 'asc' },
      { column: 'b', direction: 'asc' },
    ]
    expect(nextSort(sort, 'c', false)).toEqual([{ column: 'c', direction: 'asc' }])
    expect(nextSort(sort, 'b', false)).toEqual([{ column: 'b', direction: 'desc' }])
  })

  it('Shift+click adds a key at the end, turns it in place, then drops it', () => {
    const one: SortKey[] = [{ column: 'a', direction: 'desc' }]
    const two = nextSort(one, 'b', true)
    expect(two).toEqual([
      { column: 'a', direction: 'desc' },
      { column: 'b', direction: 'asc' },
    ])
    expect(nextSort(two, 'a', true)).toEqual([{ column: 'b', direction: 'asc' }])
    expect(nextSort(two, 'b', true)).toEqual([
      { column: 'a', direction: 'desc' },
      { column: 'b', direction: 'desc' },
    ])
  })
})

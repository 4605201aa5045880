import { describe, expect, it } from 'vitest'
import { count, rows, rowsAffected } from './count'

describe('counts in words', () => {
  it.each([
    [0, '0 rows'],
    [1, '1 row'],
    [2, '2 rows'],
    [1000, '1,000 rows'],
    [10_000_000, '10,000,000 rows'],
  ])('%i is %s', (n, text) => expect(rows(n)).toBe(text))

  it('says affected and other nouns with their own plural', () => {
    expect(rowsAffected(1)).toBe('1 row affected')
    expect(rowsAffected(3)).toBe('3 rows affected')
    expect(count(1, 'index', 'indexes')).toBe('1 index')
    expect(count(2, 'index', 'indexes')).toBe('2 indexes')
  })
})

import { describe, expect, it } from 'vitest'
import { formatListValues, parseListValues } from './listValues'

describe('in-list values', () => {
  it.each([
    ['a, b,c', ['a', 'b', 'c']],
    ['  1 ,2  ', ['1', '2']],
    ['"a,b", c', ['a,b', 'c']],
    ['"say ""hi""", x', ['say "hi"', 'x']],
    ['" padded ",', [' padded ']],
    ['"", b', ['', 'b']],
    ['single', ['single']],
    ['', []],
  ])('reads %j', (text, values) => {
    expect(parseListValues(text)).toEqual(values)
  })

  it('writes what it reads back', () => {
    for (const values of [
      ['a', 'b'],
      ['a,b', ' c '],
      ['say "hi"', ''],
      ['Émile', '50%_off'],
    ])
      expect(parseListValues(formatListValues(values))).toEqual(values)
  })
})

import { describe, expect, it } from 'vitest'
import { prettyJson } from './prettyJson'

describe('prettyJson', () => {
  it('lays out like JSON.stringify with an indent when nothing would be lost', () => {
    const samples = [
      '{"a":1,"b":[1,2,{"c":null}],"d":{},"e":[],"f":"x,y:{z}"}',
      '[]',
      '"text with \\" quote"',
      '[[[]],{"k":{"l":[true,false]}}]',
      '{"esc":"\\\\","u":"\\u00e9"}',
    ]
    for (const text of samples)
      expect(prettyJson(text)).toBe(
        JSON.stringify(JSON.parse(text), null, 2).replace('é', '\\u00e9'),
      )
  })

  it('keeps digits, decimals and repeated keys as written', () => {
    const text = '{ "big": 12345678901234567890, "id": 9007199254740993, "x": 1.10, "x": 2 }'
    expect(prettyJson(text)).toBe(
      '{\n  "big": 12345678901234567890,\n  "id": 9007199254740993,\n  "x": 1.10,\n  "x": 2\n}',
    )
  })

  it('takes the indent width', () => {
    expect(prettyJson('[1,[2]]', 4)).toBe('[\n    1,\n    [\n        2\n    ]\n]')
  })
})

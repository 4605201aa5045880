import { describe, expect, it } from 'vitest'
import { minifyJson } from './minifyJson'

describe('minifyJson', () => {
  it.each([
    ['{\n  "a": 1,\n  "b": [1, 2]\n}', '{"a":1,"b":[1,2]}'],
    ['{ "big": 12345678901234567890 }', '{"big":12345678901234567890}'],
    ['{ "s": "keeps  spaces\\n and \\"quotes\\" " }', '{"s":"keeps  spaces\\n and \\"quotes\\" "}'],
    ['[ 1.50 , 1e2 , -0 ]', '[1.50,1e2,-0]'],
    ['"\\\\"', '"\\\\"'],
    ['\t null \r\n', 'null'],
  ])('%j → %j', (text, minified) => {
    expect(minifyJson(text)).toBe(minified)
    expect(JSON.parse(minifyJson(text))).toEqual(JSON.parse(text))
  })
})

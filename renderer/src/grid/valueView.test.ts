import { describe, expect, it } from 'vitest'
import { valueView } from './valueView'

describe('valueView', () => {
  it('tells NULL from the text NULL', () => {
    expect(valueView(null, 'text')).toEqual({ kind: 'null' })
    expect(valueView('NULL', 'text')).toEqual({ kind: 'text', text: 'NULL', length: 4 })
  })

  it('shows JSON cells, and json-typed text that parses, as JSON', () => {
    expect(valueView({ $json: { a: 1 } }, 'jsonb')).toEqual({
      kind: 'json',
      value: { a: 1 },
      text: '{"a":1}',
      exact: true,
      from: 'json',
    })
    expect(valueView('[1, 2]', 'JSON')).toEqual({
      kind: 'json',
      value: [1, 2],
      text: '[1,2]',
      exact: true,
      from: 'text',
    })
    expect(valueView('not json', 'json')).toMatchObject({ kind: 'text' })
    expect(valueView('[1,2]', 'text')).toMatchObject({ kind: 'text' })
  })

  it('keeps the digits and repeated keys of a JSON document in its text', () => {
    const cell = {
      $json: { id: 9007199254740992, x: 2 },
      $text: '{"id":9007199254740993,"x":1.10,"x":2}',
    }
    expect(valueView(cell, 'json')).toMatchObject({
      kind: 'json',
      text: '{"id":9007199254740993,"x":1.10,"x":2}',
      exact: false,
    })
    expect(valueView('[12345678901234567890]', 'json')).toMatchObject({
      text: '[12345678901234567890]',
      exact: false,
    })
  })

  it('keeps numbers and big integers exactly as received', () => {
    expect(valueView(0.1, 'double precision')).toEqual({ kind: 'number', text: '0.1' })
    expect(valueView('9007199254740993', 'bigint')).toEqual({
      kind: 'number',
      text: '9007199254740993',
    })
    expect(valueView('12345678901234567890.000001', 'numeric(30,6)')).toEqual({
      kind: 'number',
      text: '12345678901234567890.000001',
    })
    expect(valueView('Infinity', 'float8')).toMatchObject({ kind: 'text' })
  })

  it('decodes binary and counts text in characters, not UTF-16 units', () => {
    const view = valueView({ $bytes: btoa('\xde\xad') }, 'blob')
    expect(view.kind === 'bytes' && [...view.bytes]).toEqual([0xde, 0xad])
    expect(valueView('a😀', 'text')).toEqual({ kind: 'text', text: 'a😀', length: 2 })
    expect(valueView(true, 'bool')).toEqual({ kind: 'boolean', text: 'true' })
  })
})

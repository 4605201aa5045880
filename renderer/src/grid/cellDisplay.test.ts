import { describe, expect, it } from 'vitest'
import { cellKind, displayText, isNumericType } from './cellDisplay'

describe('cellDisplay', () => {
  it.each([
    'integer',
    'INT',
    'int4',
    'bigint unsigned',
    'smallint',
    'tinyint(1)',
    'mediumint',
    'bigserial',
    'numeric(10,2)',
    'DECIMAL',
    'real',
    'double precision',
    'float8',
    'money',
  ])('%s is numeric', (type) => expect(isNumericType(type)).toBe(true))

  it.each(['text', 'varchar(20)', 'interval', 'point', 'json', 'datetime', 'bytea', ''])(
    '%s is not numeric',
    (type) => expect(isNumericType(type)).toBe(false),
  )

  it('names each kind of cell and cuts long text for display only', () => {
    expect([null, 1, true, 'x', { $json: 1 }, { $bytes: '' }].map(cellKind)).toEqual([
      'null',
      'number',
      'boolean',
      'string',
      'json',
      'bytes',
    ])
    expect(displayText('x'.repeat(1000))).toHaveLength(301)
    expect(displayText({ $json: { a: [1, 2] } })).toBe('{"a":[1,2]}')
    expect(displayText(null)).toBe('NULL')
  })
})

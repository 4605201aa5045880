import { describe, expect, it } from 'vitest'
import type { Cell } from '../../shared/cells'
import type { Column } from '../../shared/schema/model'
import { dialects } from '../dialects/registry'
import { allDialects } from '../testing/testDatabases'
import { cellLiteral, typedLiteral } from './literal'

const column = (normalizedType: Column['normalizedType']) => ({
  name: 'c',
  type: normalizedType,
  normalizedType,
  nullable: true,
})

// MariaDB compares a BIGINT with a quoted numeral exactly, but MySQL compares them as doubles, so the
// servers on this machine cannot show why numerals must stay bare: the literals themselves are checked.
describe.each(allDialects)('literals on %s', (dialect) => {
  const d = dialects[dialect]

  it.each([
    ['bigint', '9007199254740993', '9007199254740993'],
    ['integer', '-42', '-42'],
    ['decimal', '12.5000', '12.5000'],
    ['decimal', '1e3', d.quoteLiteral('1e3')],
    ['float', '1.5e-3', d.quoteLiteral('1.5e-3')],
    ['integer', 'true', 'TRUE'],
    ['boolean', '0', 'FALSE'],
    ['text', '42', d.quoteLiteral('42')],
    ['binary', '0x0A0b', d.preflight.bytesLiteral('Cgs=')],
    ['binary', '\\x0a0b', d.preflight.bytesLiteral('Cgs=')],
    ['binary', '0x0A0', d.quoteLiteral('0x0A0')],
  ] as const)('typed into a %s column, %s is %s', (type, text, literal) => {
    expect(typedLiteral(d, column(type), text)).toBe(literal)
  })

  // MySQL would read these as 0 or FALSE and match other rows without a word.
  it.each([
    ['integer', '42 OR 1=1', 'Column c holds numbers: "42 OR 1=1" is not a number'],
    ['bigint', 'abc', 'is not a number'],
    ['float', '1.2.3', 'is not a number'],
    ['boolean', 'yes', 'Column c holds booleans: "yes" is not true, false, 1 or 0'],
    ['boolean', 't', 'is not true, false, 1 or 0'],
  ] as const)('typed into a %s column, %s is refused', (type, text, message) => {
    expect(() => typedLiteral(d, column(type), text)).toThrow(message)
  })

  it.each([
    ['bigint', '9007199254740993', '9007199254740993'],
    ['decimal', 12.5, '12.5'],
    ['text', 'x', d.quoteLiteral('x')],
    ['timestamp', '2024-03-01 10:00:00', d.quoteLiteral('2024-03-01 10:00:00')],
    ['boolean', true, 'TRUE'],
    ['binary', { $bytes: 'Cgs=' }, d.preflight.bytesLiteral('Cgs=')],
    ['binary', '0x0a', d.quoteLiteral('0x0a')],
  ] as [Column['normalizedType'], Cell, string][])(
    'read from a %s column, %j is %s',
    (type, cell, literal) => {
      expect(cellLiteral(d, column(type), cell!)).toBe(literal)
    },
  )
})

import { describe, expect, it } from 'vitest'
import { qualifiedName, quoteIdentifier, quoteLiteral } from './quote'

describe('quoting', () => {
  it.each([
    ['sqlite', 'we"ird', '"we""ird"'],
    ['postgres', 'select', '"select"'],
    ['mysql', 'back`tick', '`back``tick`'],
    ['postgres', '表 名', '"表 名"'],
  ] as const)('%s identifier %s', (dialect, name, quoted) => {
    expect(quoteIdentifier(dialect, name)).toBe(quoted)
  })

  it.each([
    ['sqlite', "it's", "'it''s'"],
    ['postgres', 'back\\slash', "E'back\\\\slash'"],
    ['mysql', "a'b\\c\nd", "'a''b\\\\c\\nd'"],
  ] as const)('%s literal %j', (dialect, value, quoted) => {
    expect(quoteLiteral(dialect, value)).toBe(quoted)
  })

  it('leaves out the default schema only', () => {
    expect(qualifiedName('postgres', 'public', 't')).toBe('"t"')
    expect(qualifiedName('postgres', 'sales', 't')).toBe('"sales"."t"')
    expect(qualifiedName('sqlite', 'main', 't')).toBe('"t"')
  })

  it('refuses NUL rather than truncating', () => {
    expect(() => quoteIdentifier('postgres', 'a\0b')).toThrow(RangeError)
  })
})

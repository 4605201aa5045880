import { describe, expect, it } from 'vitest'
import { rawCondition } from './rawCondition'

describe('the WHERE box', () => {
  it.each([
    ['sqlite', '  id > 10  ', 'id > 10'],
    ['postgres', "label = ')' AND (a OR b)", "label = ')' AND (a OR b)"],
    ['postgres', 'note = $$ ) ; $$', 'note = $$ ) ; $$'],
    ['postgres', 'x = 1 -- a trailing comment ) ;', 'x = 1 -- a trailing comment ) ;'],
    ['mysql', "label = 'it\\'s ) ;' # note )", "label = 'it\\'s ) ;' # note )"],
    ['mysql', '`odd)name` = 1', '`odd)name` = 1'],
    ['sqlite', '"odd)name" = \'a;b\' /* ( */', '"odd)name" = \'a;b\' /* ( */'],
    ['sqlite', '   ', ''],
    ['postgres', '-- only a comment', ''],
    ['postgres', '/* just this */', ''],
  ] as const)('on %s takes %j as %j', (dialect, where, taken) => {
    expect(rawCondition(where, dialect)).toBe(taken)
  })

  it.each([
    ['sqlite', '1=1) OR (1=1', 'the ")" at character 4 closes a "(" the condition did not open'],
    ['postgres', 'id > 1;', 'there is a ";" at character 7'],
    ['postgres', '(id > 1', 'a "(" is not closed'],
    ['mysql', "label = 'open", "the ' at character 9 is not closed"],
    ['postgres', 'x = 1 /* never closed', 'the comment that starts at character 7 is not closed'],
    ['postgres', 'x = $q$ open', 'the dollar quote at character 5 is not closed'],
  ] as const)('on %s refuses %j, saying where', (dialect, where, why) => {
    expect(() => rawCondition(where, dialect)).toThrow(why)
  })
})

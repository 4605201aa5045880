import { describe, expect, it } from 'vitest'
import type { DialectName } from '../connectionUrl'
import { splitStatements, statementAt } from './splitStatements'

const cases: [DialectName, string, string[]][] = [
  ['sqlite', 'SELECT 1; SELECT 2', ['SELECT 1', 'SELECT 2']],
  ['sqlite', "SELECT ';'; SELECT 2;", ["SELECT ';'", 'SELECT 2']],
  ['sqlite', 'SELECT 1 -- ; not here\n; SELECT 2', ['SELECT 1 -- ; not here', 'SELECT 2']],
  ['sqlite', 'SELECT /* ; */ 1; SELECT "a;b" FROM t', ['SELECT /* ; */ 1', 'SELECT "a;b" FROM t']],
  [
    'sqlite',
    'CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END; SELECT 1',
    [
      'CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END',
      'SELECT 1',
    ],
  ],
  [
    'postgres',
    'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2',
    ['CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql', 'SELECT 2'],
  ],
  [
    'postgres',
    'SELECT $tag$ ; $tag$; SELECT a$b FROM t',
    ['SELECT $tag$ ; $tag$', 'SELECT a$b FROM t'],
  ],
  [
    'postgres',
    'SELECT /* outer /* inner ; */ still ; */ 1; SELECT 2',
    ['SELECT /* outer /* inner ; */ still ; */ 1', 'SELECT 2'],
  ],
  ['mysql', "SELECT 'it\\'s; fine'; SELECT 2", ["SELECT 'it\\'s; fine'", 'SELECT 2']],
  [
    'mysql',
    'SELECT `a;b` FROM t # ; comment\n; SELECT 2',
    ['SELECT `a;b` FROM t # ; comment', 'SELECT 2'],
  ],
  ['sqlite', '  ;;  ', []],
  ['sqlite', "SELECT 'unterminated; SELECT 2", ["SELECT 'unterminated; SELECT 2"]],
]

describe('splitStatements', () => {
  it.each(cases)('%s: %j', (dialect, script, expected) => {
    const spans = splitStatements(script, dialect)
    expect(spans.map((s) => s.text)).toEqual(expected)
    for (const span of spans)
      expect(script.slice(span.start, span.start + span.text.length)).toBe(span.text)
  })

  it('finds the statement under the cursor', () => {
    const script = 'SELECT 1;\nSELECT 2;\nSELECT 3'
    expect(statementAt(script, script.indexOf('2'), 'sqlite')?.text).toBe('SELECT 2')
    expect(statementAt(script, script.length, 'sqlite')?.text).toBe('SELECT 3')
    expect(statementAt(script, 0, 'sqlite')?.start).toBe(0)
  })
})

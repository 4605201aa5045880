import { describe, expect, it } from 'vitest'
import { splitCases as cases } from './splitStatements.cases'
import { splitPieces, splitStatements, statementAt } from './splitStatements'

describe('splitStatements', () => {
  it(`has a table of at least 60 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it.each(cases)('%s: %j', (dialect, script, expected) => {
    const spans = splitStatements(script, dialect)
    expect(spans.map((s) => s.text)).toEqual(expected)
    for (const span of spans)
      expect(script.slice(span.start, span.start + span.text.length)).toBe(span.text)
    expect(
      splitPieces(script, dialect)
        .map((p) => script.slice(p.start, p.end))
        .join(''),
    ).toBe(script)
  })

  it('finds the statement under the cursor', () => {
    const script = 'SELECT 1;\nSELECT 2;\nSELECT 3'
    expect(statementAt(script, script.indexOf('2'), 'sqlite')?.text).toBe('SELECT 2')
    expect(statementAt(script, script.length, 'sqlite')?.text).toBe('SELECT 3')
    expect(statementAt(script, 0, 'sqlite')?.start).toBe(0)
  })
})

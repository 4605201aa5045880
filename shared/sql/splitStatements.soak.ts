import { describe, expect, it } from 'vitest'
import type { DialectName } from '../connectionUrl'
import { splitStatements } from './splitStatements'

const inputs = 100_000
const fragments = [
  "'",
  '"',
  '`',
  '--',
  '#',
  '/*',
  '*/',
  '$$',
  '$a$',
  ';',
  '\n',
  ' ',
  'BEGIN',
  'END',
  'CREATE TRIGGER',
  'SELECT 1',
  '\\',
  'CASE',
  'x',
  'é',
  '🌍',
]

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function randomScript(next: () => number): string {
  let script = ''
  const length = Math.floor(next() * 40)
  for (let i = 0; i < length; i++) {
    script +=
      next() < 0.7
        ? fragments[Math.floor(next() * fragments.length)]
        : String.fromCharCode(32 + Math.floor(next() * 95))
  }
  return script
}

describe('splitStatements fuzz', () => {
  it.each<DialectName>(['sqlite', 'postgres', 'mysql'])(
    `%s: ${inputs} random inputs never throw and keep every character`,
    (dialect) => {
      const next = random(dialect.length * 7919)
      for (let n = 0; n < inputs; n++) {
        const script = randomScript(next)
        const spans = splitStatements(script, dialect)
        let cursor = 0
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(cursor)
          expect(script.slice(span.start, span.start + span.text.length)).toBe(span.text)
          // Between pieces there is only whitespace and the semicolons that ended them.
          expect(script.slice(cursor, span.start)).toMatch(/^[\s;]*$/)
          cursor = span.start + span.text.length
        }
        expect(script.slice(cursor)).toMatch(/^[\s;]*$/)
      }
    },
  )
})

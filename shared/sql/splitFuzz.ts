import type { DialectName } from '../connectionUrl'
import { splitCases } from './splitStatements.cases'
import { splitPieces } from './splitStatements'

/** Pieces of SQL that open or close something the splitter must track. */
const fragments = [
  "'",
  '"',
  '`',
  '[',
  ']',
  '--',
  '-- ',
  '#',
  '/*',
  '*/',
  '$$',
  '$a$',
  '$1',
  ';',
  '\n',
  '\r\n',
  ' ',
  '\\',
  'BEGIN',
  'END',
  'CASE',
  'ATOMIC',
  'CREATE TRIGGER',
  'CREATE FUNCTION',
  'DELIMITER $$\n',
  'DELIMITER ;\n',
  'DELIMITER //\n',
  '//',
  "E'",
  'SELECT 1',
  'x',
  'é',
  '🌍',
  '\0',
]

/** A small deterministic generator, so a failure can be replayed from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!
}

function randomScript(next: () => number): string {
  let script = ''
  const length = Math.floor(next() * 40)
  for (let i = 0; i < length; i++)
    script +=
      next() < 0.7 ? pick(next, fragments) : String.fromCharCode(32 + Math.floor(next() * 95))
  return script
}

/** One of the table's scripts, with a few fragments inserted, slices cut or repeated. */
function mutatedScript(next: () => number): string {
  let script = pick(next, splitCases)[1]
  const mutations = 1 + Math.floor(next() * 4)
  for (let m = 0; m < mutations; m++) {
    const at = Math.floor(next() * (script.length + 1))
    const to = at + Math.floor(next() * (script.length - at + 1))
    const kind = next()
    if (kind < 0.4) script = script.slice(0, at) + pick(next, fragments) + script.slice(at)
    else if (kind < 0.7) script = script.slice(0, at) + script.slice(to)
    else script = script.slice(0, to) + script.slice(at, to) + script.slice(to)
  }
  return script
}

/**
 * Feeds `count` inputs, half random and half mutated from the test table, and
 * returns the first that breaks a rule: the splitter threw, its pieces do not
 * join back to the input, or a statement's text is not where it says.
 */
export function fuzzSplitter(dialect: DialectName, count: number, seed: number): string | null {
  const next = random(seed)
  for (let n = 0; n < count; n++) {
    const script = n % 2 === 0 ? randomScript(next) : mutatedScript(next)
    let problem: string | null = null
    try {
      const pieces = splitPieces(script, dialect)
      if (pieces.map((p) => script.slice(p.start, p.end)).join('') !== script)
        problem = 'pieces do not join back to the input'
      let cursor = 0
      for (const piece of pieces) {
        if (piece.start !== cursor) problem = 'pieces are not contiguous'
        cursor = piece.end
        const s = piece.statement
        if (s && (script.slice(s.start, s.start + s.text.length) !== s.text || !s.text.trim()))
          problem = 'a statement is not where it says'
      }
    } catch (error) {
      problem = `threw ${String(error)}`
    }
    if (problem) return `${problem}: ${JSON.stringify(script)}`
  }
  return null
}

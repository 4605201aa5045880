/**
 * Whether changing a column's declared type from `from` to `to` can lose or
 * reject existing values. Widening within a family (varchar(20) → varchar(40),
 * integer → bigint, varchar → text) is safe; shortening, lowering precision
 * or moving to another family is not. Types are compared as the databases
 * print them, so each dialect's spellings are listed.
 */
export function typeNarrowing(from: string, to: string): string | null {
  if (from.toLowerCase() === to.toLowerCase()) return null
  const a = parse(from)
  const b = parse(to)
  const rankA = rank(a.base)
  const rankB = rank(b.base)
  if (rankA && rankB && rankA.family === rankB.family) {
    if (rankB.order < rankA.order) return `${to} holds less than ${from}`
    if (rankB.order > rankA.order) return null
    return sameBaseNarrowing(a, b, from, to)
  }
  return `values must convert from ${from} to ${to}`
}

/** Whether both types belong to one family (integers, texts, floats…), so one can only be wider or narrower. */
export function sameTypeFamily(from: string, to: string): boolean {
  const a = rank(parse(from).base)
  const b = rank(parse(to).base)
  return a !== null && b !== null && a.family === b.family
}

interface ParsedType {
  base: string
  args: number[]
}

function parse(type: string): ParsedType {
  const match = /^([^(]*?)\s*(?:\(([^)]*)\))?\s*(unsigned)?$/i.exec(type.trim())
  const base = (match?.[1] ?? type).toLowerCase().replace(/\s+/g, ' ')
  const args = (match?.[2] ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => !Number.isNaN(n) && n > 0)
  return { base, args }
}

/** Families, each listed from least to most it can hold. */
const families: Record<string, string[][]> = {
  integer: [
    ['tinyint', 'int1'],
    ['smallint', 'int2'],
    ['mediumint', 'int3'],
    ['integer', 'int', 'int4'],
    ['bigint', 'int8'],
  ],
  text: [
    ['char', 'character', 'bpchar'],
    ['varchar', 'character varying', 'nvarchar', 'varchar2'],
    ['tinytext'],
    ['text', 'clob'],
    ['mediumtext'],
    ['longtext'],
  ],
  float: [
    ['real', 'float4', 'float'],
    ['double precision', 'double', 'float8'],
  ],
  decimal: [['numeric', 'decimal']],
  binary: [
    ['binary'],
    ['varbinary'],
    ['tinyblob'],
    ['blob', 'bytea'],
    ['mediumblob'],
    ['longblob'],
  ],
  timestamp: [['timestamp without time zone', 'datetime', 'timestamp']],
}

function rank(base: string): { family: string; order: number } | null {
  for (const [family, levels] of Object.entries(families)) {
    const order = levels.findIndex((names) => names.includes(base))
    if (order >= 0) return { family, order }
  }
  return null
}

/** Same type, different arguments: a shorter length or a lower precision or scale narrows. */
function sameBaseNarrowing(a: ParsedType, b: ParsedType, from: string, to: string): string | null {
  const isInteger = rank(a.base)?.family === 'integer'
  // MySQL's int(11) is a display width, not a size.
  if (isInteger) return null
  // A missing length means unlimited (varchar, numeric) in PostgreSQL.
  if (a.args.length === 0) return b.args.length === 0 ? null : `${to} holds less than ${from}`
  if (b.args.length === 0) return null
  if (rank(a.base)?.family === 'decimal') {
    const [pa = 0, sa = 0] = a.args
    const [pb = 0, sb = 0] = b.args
    // Digits before the point and after it must both still fit.
    return pb - sb < pa - sa || sb < sa ? `${to} holds less than ${from}` : null
  }
  const shorter = b.args.some((n, i) => n < (a.args[i] ?? 0))
  return shorter ? `${to} holds less than ${from}` : null
}

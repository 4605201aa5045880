/**
 * A number with its noun, as the UI and the CLI print counts: `1 row`,
 * `0 rows`, `1,234 rows`, `1 row affected`. Digits are grouped the en-US way,
 * as everywhere else Sluice prints numbers.
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`
}

/** `1 row`, `5 rows`. */
export function rows(n: number): string {
  return count(n, 'row')
}

/** `1 row affected`, `3 rows affected`. */
export function rowsAffected(n: number): string {
  return `${rows(n)} affected`
}

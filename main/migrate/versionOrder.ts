/**
 * Numeric order of versions: digits, or dotted digits as Flyway writes them
 * (1.10 after 1.9). Parts are compared as BigInts, since timestamps overflow
 * a double's exact range.
 */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.')
  const y = b.split('.')
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = BigInt(x[i] ?? '0')
    const q = BigInt(y[i] ?? '0')
    if (p !== q) return p < q ? -1 : 1
  }
  return 0
}

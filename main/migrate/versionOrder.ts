import { versionPattern } from '../../shared/migrationVersion'

/**
 * Numeric order of versions: digits, or dotted digits as Flyway writes them
 * (1.10 after 1.9). Parts are compared as BigInts, since timestamps overflow
 * a double's exact range.
 */
export function compareVersions(a: string, b: string): number {
  // Flyway's repeatable migrations have a name instead of a version, and run after all versioned ones.
  const [versionedA, versionedB] = [versionPattern.test(a), versionPattern.test(b)]
  if (!versionedA || !versionedB)
    return versionedA ? -1 : versionedB ? 1 : a < b ? -1 : a > b ? 1 : 0
  const x = a.split('.')
  const y = b.split('.')
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = BigInt(x[i] ?? '0')
    const q = BigInt(y[i] ?? '0')
    if (p !== q) return p < q ? -1 : 1
  }
  return 0
}

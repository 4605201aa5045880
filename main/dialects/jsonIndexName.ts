import { createHash } from 'node:crypto'

/**
 * A name for an advised index (or MariaDB's generated column) that fits every
 * dialect's identifier limit: readable words, then a hash of the whole so
 * two paths never share one.
 */
export function jsonIndexName(parts: string[], suffix: string): string {
  const words = parts
    .join('_')
    .replace(/[^\p{L}\p{N}_]+/gu, '_')
    .slice(0, 40)
  const hash = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 6)
  return `${words}_${hash}_${suffix}`
}

import { parseConnectionUrl } from '../../../shared/connectionUrl'

/**
 * A connection's short name for lists and tab strips: a SQLite file's name,
 * or a server database as `db @ host:port`. The full URL (without password)
 * stays in the title bar and tooltips.
 */
export function connectionLabel(url: string): string {
  try {
    const target = parseConnectionUrl(url)
    if (target.dialect === 'sqlite') return target.file.split(/[\\/]/).pop() || target.file
    return `${target.database || target.user} @ ${target.host}:${target.port}`
  } catch {
    return url
  }
}

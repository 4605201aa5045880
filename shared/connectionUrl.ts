import { SluiceError } from './errors'

export type DialectName = 'sqlite' | 'postgres' | 'mysql'

export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full'

export type ConnectionTarget = SqliteTarget | ServerTarget

export interface SqliteTarget {
  dialect: 'sqlite'
  /** ':memory:', an absolute path, or a path relative to the working directory. */
  file: string
}

export interface ServerTarget {
  dialect: 'postgres' | 'mysql'
  host: string
  port: number
  user: string
  password: string
  database: string
  sslMode: SslMode
}

export const defaultPorts = { postgres: 5432, mysql: 3306 } as const

const sslModes: readonly SslMode[] = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full']

/**
 * Parses the URL forms the README documents:
 * `sqlite:rel.db`, `sqlite:///abs.db`, `sqlite::memory:`,
 * `postgres[ql]://user:pass@host:port/db?sslmode=…`, `mysql|mariadb://user:pass@host:port/db`.
 */
export function parseConnectionUrl(url: string): ConnectionTarget {
  const trimmed = url.trim()
  const scheme = /^([a-z]+):/i.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme === 'sqlite') return { dialect: 'sqlite', file: parseSqlitePath(trimmed) }
  if (scheme === 'postgres' || scheme === 'postgresql') return parseServerUrl(trimmed, 'postgres')
  if (scheme === 'mysql' || scheme === 'mariadb') return parseServerUrl(trimmed, 'mysql')
  throw badUrl(
    `Unsupported connection URL "${redactUrl(trimmed)}": it must start with sqlite:, postgres://, postgresql://, mysql:// or mariadb://`,
  )
}

export function formatConnectionUrl(target: ConnectionTarget): string {
  if (target.dialect === 'sqlite') {
    if (target.file === ':memory:') return 'sqlite::memory:'
    return target.file.startsWith('/') ? `sqlite://${target.file}` : `sqlite:${target.file}`
  }
  const scheme = target.dialect === 'postgres' ? 'postgres' : 'mysql'
  const auth = target.password
    ? `${encodeURIComponent(target.user)}:${encodeURIComponent(target.password)}@`
    : target.user
      ? `${encodeURIComponent(target.user)}@`
      : ''
  const query = target.sslMode === 'prefer' ? '' : `?sslmode=${target.sslMode}`
  return `${scheme}://${auth}${target.host}:${target.port}/${encodeURIComponent(target.database)}${query}`
}

/**
 * A server URL's user and password, found as a URL parser finds them: the
 * user-info is everything before the authority's *last* `@`, so a password
 * with a raw `@` in it (which the drivers accept) is all of it.
 */
const userInfo = /^([a-z]+:\/\/)([^/?#]*)@/i

/** The URL with any password replaced, safe for titles, logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(userInfo, (_all, scheme: string, info: string) => {
    const colon = info.indexOf(':')
    return colon < 0 ? `${scheme}${info}@` : `${scheme}${info.slice(0, colon)}:***@`
  })
}

/**
 * The URL with its password left out entirely: what a saved session may keep
 * on disk. Opening it again asks the server without a password, which trust
 * or peer authentication accepts and any other method refuses (AUTH_FAILED).
 */
export function withoutPassword(url: string): string {
  return url.replace(userInfo, (_all, scheme: string, info: string) => {
    const colon = info.indexOf(':')
    return `${scheme}${colon < 0 ? info : info.slice(0, colon)}@`
  })
}

function parseSqlitePath(url: string): string {
  const rest = url.slice('sqlite:'.length)
  if (rest === ':memory:') return ':memory:'
  // sqlite:///abs/path → /abs/path; sqlite://rel is not a form we accept.
  const path = rest.startsWith('//') ? rest.slice(2) : rest
  if (path === '') throw badUrl('The SQLite URL names no file: use sqlite:path/to/file.db')
  if (rest.startsWith('//') && !path.startsWith('/')) {
    throw badUrl(
      `"${url}" is ambiguous: use sqlite:${path} for a relative path or sqlite:///${path} for an absolute one`,
    )
  }
  return decodeURIComponent(path)
}

function parseServerUrl(url: string, dialect: ServerTarget['dialect']): ServerTarget {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw badUrl(`"${redactUrl(url)}" is not a valid URL`)
  }
  if (!parsed.hostname) throw badUrl(`"${redactUrl(url)}" names no host`)
  const sslParam = parsed.searchParams.get('sslmode') ?? 'prefer'
  if (!sslModes.includes(sslParam as SslMode)) {
    throw badUrl(`Unknown sslmode "${sslParam}": use one of ${sslModes.join(', ')}`)
  }
  const port = parsed.port ? Number(parsed.port) : defaultPorts[dialect]
  return {
    dialect,
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    user: decodeURIComponent(parsed.username) || (dialect === 'postgres' ? 'postgres' : 'root'),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    sslMode: sslParam as SslMode,
  }
}

function badUrl(message: string): SluiceError {
  return new SluiceError({ code: 'BAD_URL', message })
}

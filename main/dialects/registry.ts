import { parseConnectionUrl, type DialectName } from '../../shared/connectionUrl'
import { mysqlDialect } from './mysql/dialect'
import { postgresDialect } from './postgres/dialect'
import { sqliteDialect } from './sqlite/dialect'
import type { ConnectOptions, Dialect, DialectConnection } from './types'

export const dialects: Record<DialectName, Dialect> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
  mysql: mysqlDialect,
}

export const defaultConnectOptions: ConnectOptions = { connectTimeoutMs: 8000 }

export function connectUrl(
  url: string,
  options: ConnectOptions = defaultConnectOptions,
): Promise<DialectConnection> {
  const target = parseConnectionUrl(url)
  return dialects[target.dialect].connect(target, options)
}

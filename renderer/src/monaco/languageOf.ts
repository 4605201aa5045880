import type { DialectName } from '../../../shared/connectionUrl'

/** Monaco's language id for each dialect's SQL. */
export const languageOf: Record<DialectName, string> = {
  sqlite: 'sql',
  postgres: 'pgsql',
  mysql: 'mysql',
}

import type { DialectName } from '../../../shared/connectionUrl'
import { quoteLiteral } from '../../../shared/sql/quote'
import type { MigrationSession } from '../../dialects/types'

/** Catalog queries for a table of the session's current schema or database. */
const existence: Record<DialectName, (name: string, schema: string | null) => string> = {
  postgres: (name, schema) =>
    `SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = ${schema ?? 'current_schema()'} AND tablename = ${name}`,
  mysql: (name) =>
    `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${name}`,
  sqlite: (name) => `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ${name}`,
}

/**
 * Whether a history table is there, asked of the catalog so that reading
 * status never creates or fails on one. `pgSchema` names a PostgreSQL schema
 * other than the current one (drizzle keeps its table in `drizzle`).
 */
export async function tableExists(
  session: MigrationSession,
  name: string,
  pgSchema?: string,
): Promise<boolean> {
  const quote = (text: string) => quoteLiteral(session.dialect, text)
  const sql = existence[session.dialect](quote(name), pgSchema ? quote(pgSchema) : null)
  const [row] = await session.query(sql)
  return Number(row?.[0]) > 0
}

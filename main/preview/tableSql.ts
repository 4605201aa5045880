import type { DialectName } from '../../shared/connectionUrl'
import { dialects } from '../dialects/registry'

/**
 * A table as preflight queries name it: schema-qualified on PostgreSQL; bare
 * elsewhere, since a shadow's database has another name than the real one.
 */
export function tableSql(dialect: DialectName, namespace: string, table: string): string {
  const d = dialects[dialect]
  return d.capabilities.schemas
    ? `${d.quoteIdentifier(namespace)}.${d.quoteIdentifier(table)}`
    : d.quoteIdentifier(table)
}

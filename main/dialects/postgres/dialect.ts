import { SluiceError } from '../../../shared/errors'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import { ConnectionMigrationSession } from '../ConnectionMigrationSession'
import type { Dialect } from '../types'
import { explainPlan } from './explainPlan'
import { postgresJsonSql } from './jsonSql'
import { openShadow } from './openShadow'
import { preflightSql } from './preflightSql'
import { generateDdl } from './generateDdl'
import { planChanges } from './planChanges'
import { postgresMigrationLock } from './migrationLock'
import { PostgresConnection } from './PostgresConnection'

export const postgresDialect: Dialect = {
  name: 'postgres',
  capabilities: {
    transactionalDdl: true,
    schemas: true,
    alterConstraints: true,
    cancelEndsSession: false,
    nullsSortHigh: true,
    ilike: true,
    enumsCompareInOrder: true,
    sortPrefixBytes: null,
    truncate: true,
    triggersPerTable: true,
    overloadedRoutines: true,
  },
  connect: (target, options) => {
    if (target.dialect !== 'postgres')
      throw new SluiceError({ code: 'BAD_URL', message: 'Not a PostgreSQL URL' })
    return PostgresConnection.open(target, options)
  },
  openMigrationSession: async (target, options) =>
    new ConnectionMigrationSession(
      await postgresDialect.connect(target, options),
      postgresMigrationLock,
    ),
  quoteIdentifier: (name) => quoteIdentifier('postgres', name),
  quoteLiteral: (value) => quoteLiteral('postgres', value),
  generateDdl,
  planChanges,
  preflight: preflightSql,
  openShadow,
  explainPlan,
  json: postgresJsonSql,
}

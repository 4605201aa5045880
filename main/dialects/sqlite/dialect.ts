import { SluiceError } from '../../../shared/errors'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import { ConnectionMigrationSession } from '../ConnectionMigrationSession'
import type { Dialect } from '../types'
import { explainPlan } from './explainPlan'
import { sqliteJsonSql } from './jsonSql'
import { openShadow } from './openShadow'
import { preflightSql } from './preflightSql'
import { generateDdl } from './generateDdl'
import { planChanges } from './planChanges'
import { sqliteMigrationLock } from './migrationLock'
import { SqliteConnection } from './SqliteConnection'

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  capabilities: {
    transactionalDdl: true,
    schemas: false,
    alterConstraints: false,
    cancelEndsSession: true,
    nullsSortHigh: false,
    ilike: false,
    enumsCompareInOrder: false,
    sortPrefixBytes: null,
    truncate: false,
    triggersPerTable: false,
    overloadedRoutines: false,
  },
  connect: (target) => {
    if (target.dialect !== 'sqlite')
      throw new SluiceError({ code: 'BAD_URL', message: 'Not a SQLite URL' })
    return SqliteConnection.open(target)
  },
  openMigrationSession: async (target, options) =>
    new ConnectionMigrationSession(
      await sqliteDialect.connect(target, options),
      sqliteMigrationLock,
    ),
  quoteIdentifier: (name) => quoteIdentifier('sqlite', name),
  quoteLiteral: (value) => quoteLiteral('sqlite', value),
  generateDdl,
  planChanges,
  preflight: preflightSql,
  openShadow,
  explainPlan,
  json: sqliteJsonSql,
}

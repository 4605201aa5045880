import { SluiceError } from '../../../shared/errors'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import type { Dialect } from '../types'
import { explainPlan } from './explainPlan'
import { mysqlJsonSql } from './jsonSql'
import { openScratchCopy } from '../../preview/scratchCopy'
import { preflightSql } from './preflightSql'
import { generateDdl } from './generateDdl'
import { planChanges } from './planChanges'
import { MysqlConnection } from './MysqlConnection'
import { MysqlMigrationSession } from './MysqlMigrationSession'

export const mysqlDialect: Dialect = {
  name: 'mysql',
  capabilities: {
    transactionalDdl: false,
    schemas: false,
    alterConstraints: true,
    cancelEndsSession: false,
    nullsSortHigh: false,
    ilike: false,
    enumsCompareInOrder: false,
    sortPrefixBytes: 1024,
    truncate: true,
    triggersPerTable: false,
    overloadedRoutines: false,
  },
  connect: (target, options) => {
    if (target.dialect !== 'mysql')
      throw new SluiceError({ code: 'BAD_URL', message: 'Not a MySQL/MariaDB URL' })
    return MysqlConnection.open(target, options)
  },
  openMigrationSession: (target, options) => {
    if (target.dialect !== 'mysql')
      throw new SluiceError({ code: 'BAD_URL', message: 'Not a MySQL/MariaDB URL' })
    return MysqlMigrationSession.open(target, options)
  },
  quoteIdentifier: (name) => quoteIdentifier('mysql', name),
  quoteLiteral: (value) => quoteLiteral('mysql', value),
  generateDdl,
  planChanges,
  preflight: preflightSql,
  openShadow: (target, options) => openScratchCopy(target, options),
  explainPlan,
  json: mysqlJsonSql,
}

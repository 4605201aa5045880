import mysql from 'mysql2'
import { SluiceError } from '../../../shared/errors'
import type { Dialect } from '../types'
import { MysqlConnection } from './MysqlConnection'

export const mysqlDialect: Dialect = {
  name: 'mysql',
  capabilities: { transactionalDdl: false, schemas: false, cancelEndsSession: false },
  connect: (target, options) => {
    if (target.dialect !== 'mysql')
      throw new SluiceError({ code: 'BAD_URL', message: 'Not a MySQL/MariaDB URL' })
    return MysqlConnection.open(target, options)
  },
  quoteIdentifier: (name) => mysql.escapeId(name, true),
  quoteLiteral: (value) => mysql.escape(value),
}

import { SluiceError } from '../../../shared/errors'
import type { Dialect } from '../types'
import { SqliteConnection } from './SqliteConnection'

const quote = (text: string, mark: string) => mark + text.replaceAll(mark, mark + mark) + mark

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  capabilities: { transactionalDdl: true, schemas: false, cancelEndsSession: true },
  connect: (target) => {
    if (target.dialect !== 'sqlite')
      throw new SluiceError({ code: 'BAD_URL', message: 'Not a SQLite URL' })
    return SqliteConnection.open(target)
  },
  quoteIdentifier: (name) => quote(name, '"'),
  quoteLiteral: (value) => quote(value, "'"),
}

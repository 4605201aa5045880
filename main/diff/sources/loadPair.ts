import { parseConnectionUrl, type ConnectionTarget } from '../../../shared/connectionUrl'
import { SluiceError } from '../../../shared/errors'
import type { DatabaseSchema } from '../../../shared/schema/model'
import { loadSchema, serverOf } from './loadSchema'
import type { SchemaSource } from './SchemaSource'

/**
 * Both sides of a comparison. Files and folders load on `devUrl`'s server
 * when given, else on the server of whichever side is a URL, else in an
 * in-memory SQLite database.
 */
export async function loadPair(
  from: SchemaSource,
  to: SchemaSource,
  devUrl?: string,
  signal?: AbortSignal,
): Promise<{ from: DatabaseSchema; to: DatabaseSchema }> {
  const server: ConnectionTarget = devUrl
    ? parseConnectionUrl(devUrl)
    : (serverOf(from) ?? serverOf(to) ?? { dialect: 'sqlite', file: ':memory:' })
  const a = await loadSchema(from, server, signal)
  const b = await loadSchema(to, server, signal)
  if (a.dialect !== b.dialect)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `One side is ${a.dialect} and the other ${b.dialect}; ${devUrl ? 'both sides must be one kind of database' : 'give --dev-url with a server of the right kind to load files on'}`,
    })
  return { from: a, to: b }
}

import { SluiceError } from '../../shared/errors'
import type { DialectConnection } from './types'

/**
 * Refuses (BAD_REQUEST, saying why) to write a statement that carries values
 * on a session where the dialect's string literals would mean something else.
 */
export function assertTrustedLiterals(connection: DialectConnection): void {
  const why = connection.literalsRefusal?.() ?? null
  if (why) throw new SluiceError({ code: 'BAD_REQUEST', message: why })
}

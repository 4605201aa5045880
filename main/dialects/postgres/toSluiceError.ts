import { SluiceError } from '../../../shared/errors'
import { networkError } from '../networkError'

interface PgDatabaseError {
  code?: string
  message: string
  position?: string
  detail?: string
  hint?: string
  constraint?: string
}

/** Maps a node-postgres failure to Sluice's error, keeping every field the server sent. */
export function toSluiceError(error: unknown, where: string): SluiceError {
  if (error instanceof SluiceError) return error
  const network = networkError(error, where)
  if (network) return network
  const e = error as PgDatabaseError
  const serverCode = typeof e.code === 'string' ? e.code : undefined
  const fields = {
    message: e.message ?? String(error),
    serverCode,
    position: e.position ? Number(e.position) : undefined,
    detail: e.detail,
    hint: e.hint,
    constraint: e.constraint,
  }
  if (serverCode === '57014')
    return new SluiceError({ ...fields, code: 'CANCELLED', message: 'Query cancelled' })
  if (serverCode === '28P01' || serverCode === '28000') {
    return new SluiceError({
      ...fields,
      code: 'AUTH_FAILED',
      message: `Authentication failed for ${where}: ${fields.message}`,
    })
  }
  if (serverCode === '3D000') return new SluiceError({ ...fields, code: 'NOT_FOUND' })
  // node-postgres's own words when the server asks for a password and the connection has none.
  if (/client password must be a string/.test(fields.message))
    return new SluiceError({
      code: 'AUTH_FAILED',
      message: `Authentication failed for ${where}: the server asks for a password and none was given`,
    })
  if (serverCode) return new SluiceError({ ...fields, code: 'SQL_ERROR' })
  return new SluiceError({ code: 'INTERNAL', message: fields.message })
}

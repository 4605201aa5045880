import { SluiceError } from '../../../shared/errors'
import { positionOfNearText } from '../errorPosition'
import { networkError } from '../networkError'

interface MysqlError {
  code?: string
  errno?: number
  sqlMessage?: string
  message: string
}

const authErrnos = new Set([1044, 1045, 1698])

/** Maps a mysql2 failure to Sluice's error; MySQL gives "near '…' at line N" instead of an offset. */
export function toSluiceError(error: unknown, where: string, sql?: string): SluiceError {
  if (error instanceof SluiceError) return error
  const e = error as MysqlError
  if (typeof e.errno !== 'number' || e.errno < 1000) {
    const network = networkError(error, where)
    if (network) return network
  }
  const message = e.sqlMessage ?? e.message ?? String(error)
  const serverCode = typeof e.code === 'string' ? e.code : undefined
  if (e.errno === 1317 || e.errno === 3024 || e.errno === 1969) {
    return new SluiceError({ code: 'CANCELLED', serverCode, message: 'Query cancelled' })
  }
  if (typeof e.errno === 'number' && authErrnos.has(e.errno)) {
    return new SluiceError({
      code: 'AUTH_FAILED',
      serverCode,
      message: `Authentication failed for ${where}: ${message}`,
    })
  }
  if (e.errno === 1049) return new SluiceError({ code: 'NOT_FOUND', serverCode, message })
  if (typeof e.errno === 'number') {
    const near = /near '([\s\S]*)' at line (\d+)$/.exec(message)
    const position = sql && near ? positionOfNearText(sql, near[1], Number(near[2])) : undefined
    return new SluiceError({ code: 'SQL_ERROR', serverCode, message, position })
  }
  return new SluiceError({ code: 'INTERNAL', message })
}

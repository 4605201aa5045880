import { SluiceError } from '../../shared/errors'

interface NodeSocketError {
  code?: unknown
  message?: unknown
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
])

/**
 * Socket-level failures read the same on every network dialect. Returns
 * undefined when the error is not one of them, so the dialect can map it.
 */
export function networkError(error: unknown, where: string): SluiceError | undefined {
  const e = (error ?? {}) as NodeSocketError
  const code = typeof e.code === 'string' ? e.code : ''
  const message = typeof e.message === 'string' ? e.message : String(error)
  if (unreachableCodes.has(code)) {
    return new SluiceError({
      code: 'UNREACHABLE',
      serverCode: code,
      message: `Cannot reach ${where}: ${message}`,
    })
  }
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return new SluiceError({
      code: 'TIMEOUT',
      serverCode: code || undefined,
      message: `Timed out connecting to ${where}`,
    })
  }
  return undefined
}

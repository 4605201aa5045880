import { SluiceError, type SluiceErrorData } from '../../shared/errors'

/** Anything thrown below the service becomes a plain error record; unexpected ones keep only their message. */
export function toErrorData(error: unknown): SluiceErrorData {
  if (error instanceof SluiceError) return error.data
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}

import { z } from 'zod'

/**
 * Every failure Sluice reports has one stable `code`; the UI maps codes to
 * wording, the CLI prints `message`. Server fields are kept as the server sent
 * them so the editor can underline `position` and the UI can name `constraint`.
 */
export const errorCodes = [
  'SQL_ERROR',
  'AUTH_FAILED',
  'UNREACHABLE',
  'TIMEOUT',
  'CANCELLED',
  'BAD_URL',
  'BAD_REQUEST',
  'NOT_FOUND',
  'BUSY',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export const sluiceErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** The server's own code: SQLSTATE on PostgreSQL, errno name on MySQL, SQLITE_* on SQLite. */
  serverCode: z.string().optional(),
  /** 1-based character offset into the statement that failed. */
  position: z.number().int().positive().optional(),
  detail: z.string().optional(),
  hint: z.string().optional(),
  constraint: z.string().optional(),
})

export type SluiceErrorData = z.infer<typeof sluiceErrorSchema>

export class SluiceError extends Error {
  readonly data: SluiceErrorData

  constructor(data: SluiceErrorData) {
    super(data.message)
    this.name = 'SluiceError'
    this.data = data
  }

  get code(): ErrorCode {
    return this.data.code
  }
}

export function isSluiceError(value: unknown): value is SluiceError {
  return value instanceof SluiceError
}

/** Anything thrown becomes a plain error record; unexpected ones keep only their message, never a stack. */
export function toErrorData(error: unknown): SluiceErrorData {
  if (error instanceof SluiceError) return error.data
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}

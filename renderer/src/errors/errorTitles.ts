import type { ErrorCode } from '../../../shared/errors'

/** The UI's wording per error code; the message underneath is the engine's or the server's own. */
export const errorTitles: Record<ErrorCode, string> = {
  SQL_ERROR: 'The database rejected the statement',
  AUTH_FAILED: 'Authentication failed',
  UNREACHABLE: 'Cannot reach the server',
  TIMEOUT: 'Timed out',
  CANCELLED: 'Cancelled',
  BAD_URL: 'That connection URL is not valid',
  BAD_REQUEST: 'Sluice refused the request',
  NOT_FOUND: 'Not found',
  BUSY: 'The connection is busy',
  INTERNAL: 'Something went wrong inside Sluice',
}

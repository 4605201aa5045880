import { SluiceError } from '../../shared/errors'

/**
 * A connection serves one thing at a time: a second statement, or a catalog
 * read, while a statement streams is refused with this rather than queued
 * behind rows nobody may ever read.
 */
export function connectionBusy(): SluiceError {
  return new SluiceError({ code: 'BUSY', message: 'This connection is running a statement' })
}

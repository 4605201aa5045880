import { SluiceError } from '../../shared/errors'

/** The same words on every dialect when another applier kept the migration lock past the wait. */
export function lockWaitExpired(): SluiceError {
  return new SluiceError({
    code: 'BUSY',
    message: 'Another process is applying migrations to this database, and the lock wait ran out',
  })
}

import type { SluiceErrorData } from '../../../shared/errors'
import { errorTitles } from './errorTitles'

/** The server's own words, with the fields it added; never a stack trace. */
export function ErrorPanel({ error }: { error: SluiceErrorData }) {
  return (
    <div className="error-panel" role="alert" data-testid="error-panel">
      <strong>{errorTitles[error.code]}</strong>
      <div className="error-message">{error.message}</div>
      {error.detail && <div>Detail: {error.detail}</div>}
      {error.hint && <div>Hint: {error.hint}</div>}
      {error.constraint && <div>Constraint: {error.constraint}</div>}
      {error.serverCode && <div className="error-code">Code {error.serverCode}</div>}
    </div>
  )
}

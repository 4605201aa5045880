import type { MigrationPreview } from '../../../shared/preview'
import type { Question } from '../workspace/ask'

/**
 * The question Apply asks when a preview found anything, naming each
 * migration's verdict and counts; null when every migration about to run is
 * clean.
 */
export function applyConfirmation(migrations: MigrationPreview[]): Question | null {
  const found = migrations.filter((m) => m.verdict !== 'clean')
  if (found.length === 0) return null
  const failing = found.some((m) => m.verdict === 'will_fail')
  return {
    label: failing ? 'A migration will fail: apply anyway?' : 'Apply what the preview found?',
    body: (
      <ul className="confirm-findings">
        {found.map((m) => (
          <li key={m.version}>
            <strong>
              {m.version}_{m.name}:
            </strong>{' '}
            {m.reason}
            {m.findings
              .filter((f) => f.count > 0)
              .map((f, i) => (
                <div key={i}>• {f.message}</div>
              ))}
          </li>
        ))}
      </ul>
    ),
    confirm: 'Apply anyway',
    danger: true,
  }
}

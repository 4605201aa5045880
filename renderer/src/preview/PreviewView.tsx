import { cellToText } from '../../../shared/cells'
import type { Finding, MigrationPreview, PreviewReport } from '../../../shared/preview'
import { describeChange } from '../../../shared/schema/describeChange'
import { safetyLabels } from '../compare/safetyLabels'
import { verdictLabels } from './verdictLabels'

interface Props {
  report: PreviewReport
}

/**
 * What a preview found, per migration: the verdict and why, the schema
 * changes before → after, each statement with its time on the shadow, and
 * each finding with its count and example rows in a small grid.
 */
export function PreviewView({ report }: Props) {
  if (report.migrations.length === 0)
    return <div className="muted">Nothing to preview: no migration is pending.</div>
  return (
    <div className="preview" data-testid="preview">
      <div className="muted">Run on {report.shadow}.</div>
      {report.migrations.map((m) => (
        <MigrationPreviewView key={m.version} migration={m} />
      ))}
    </div>
  )
}

function MigrationPreviewView({ migration: m }: { migration: MigrationPreview }) {
  const found = m.findings.filter((f) => f.count > 0)
  return (
    <section className="preview-migration" aria-label={`Preview of ${m.version}_${m.name}`}>
      <h3>
        <span className={`badge verdict-${m.verdict}`}>{verdictLabels[m.verdict]}</span> {m.version}
        _{m.name}
      </h3>
      <p className="preview-reason">{m.reason}</p>
      {found.map((f, i) => (
        <FindingView key={i} finding={f} />
      ))}
      {m.changes.length > 0 && (
        <ul className="preview-changes" aria-label="Schema before → after">
          {m.changes.map((c, i) => (
            <li key={i}>
              <span className={`badge safety-${c.safety}`}>{safetyLabels[c.safety]}</span>{' '}
              {describeChange(c)}
            </li>
          ))}
        </ul>
      )}
      <ol className="preview-statements" aria-label="Statements on the shadow">
        {m.statements.map((s, i) => (
          <li key={i} className={s.error ? 'failed' : undefined}>
            <span className="muted">{s.ms === null ? 'not run' : `${s.ms.toFixed(1)} ms`}</span>{' '}
            <code>{s.sql}</code>
            {s.error && <div className="error-message">{s.error}</div>}
          </li>
        ))}
      </ol>
      {m.notes.map((note, i) => (
        <p key={i} className="muted" role="note">
          {note}
        </p>
      ))}
    </section>
  )
}

function FindingView({ finding: f }: { finding: Finding }) {
  return (
    <div className={`finding finding-${f.effect}`} data-testid={`finding-${f.kind}`}>
      <div>
        <strong>{f.count.toLocaleString()}</strong> {f.message.replace(/^[\d,]+ /, '')}
      </div>
      {f.examples.rows.length > 0 && (
        <table className="finding-examples" aria-label={`Examples: ${f.kind}`}>
          <thead>
            <tr>
              {f.examples.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {f.examples.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className={cell === null ? 'null' : undefined}>
                    {cellToText(cell, 200)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

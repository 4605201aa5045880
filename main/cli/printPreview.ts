import { cellToJsonValue, cellToText } from '../../shared/cells'
import type { Finding, PreviewReport, Verdict } from '../../shared/preview'
import { describeChange } from '../../shared/schema/describeChange'

/** `sluice migrate plan` exit codes: a warning still runs, so it exits 0 like clean. */
export const planExitCodes: Record<Verdict, number> = {
  clean: 0,
  warning: 0,
  will_fail: 5,
  loses_data: 6,
  // Only ever behind a migration that will fail, whose code the run exits with.
  not_run: 0,
}

const verdictWords: Record<Verdict, string> = {
  clean: 'clean',
  warning: 'warning',
  will_fail: 'WILL FAIL',
  loses_data: 'LOSES DATA',
  not_run: 'not run',
}

/** The report as `--json` prints it: examples as row objects, changes in words with their safety. */
export function previewJson(report: PreviewReport) {
  return {
    shadow: report.shadow,
    migrations: report.migrations.map((m) => ({
      version: m.version,
      name: m.name,
      verdict: m.verdict,
      reason: m.reason,
      statements: m.statements,
      changes: m.changes.map((c) => ({ change: describeChange(c), safety: c.safety })),
      findings: m.findings.map((f) => ({
        kind: f.kind,
        namespace: f.namespace,
        table: f.table,
        column: f.column,
        count: f.count,
        estimate: f.estimate,
        effect: f.effect,
        message: f.message,
        examples: f.examples.rows.map((row) =>
          Object.fromEntries(
            f.examples.columns.map((c, i) => [c, cellToJsonValue(row[i] ?? null)]),
          ),
        ),
      })),
      notes: m.notes,
    })),
  }
}

/** The report for a person: per migration its verdict, statements with their time, changes, and findings with examples. */
export function printPreview(report: PreviewReport, log: (line: string) => void): void {
  if (report.migrations.length === 0) return log('Nothing to preview: no migration is pending.')
  log(`Previewed on ${report.shadow}.`)
  for (const m of report.migrations) {
    log('')
    log(`${m.version}_${m.name}: ${verdictWords[m.verdict]}`)
    log(`  ${m.reason}`)
    for (const [i, s] of m.statements.entries()) {
      const time = s.ms === null ? 'not run' : `${s.ms.toFixed(1)} ms`
      log(
        `  ${String(i + 1).padStart(3)}. [${time}] ${oneLine(s.sql)}${s.error ? `  ← ${s.error}` : ''}`,
      )
    }
    if (m.changes.length > 0) log('  Schema after it:')
    for (const c of m.changes) log(`    ${c.safety.padEnd(11)} ${describeChange(c)}`)
    for (const f of m.findings.filter((f) => f.count > 0)) printFinding(f, log)
    for (const note of m.notes) log(`  Note: ${note}`)
  }
}

function printFinding(f: Finding, log: (line: string) => void): void {
  log(`  ${f.kind} (${f.effect}): ${f.message}`)
  const widths = f.examples.columns.map((c, i) =>
    Math.min(
      60,
      Math.max(c.length, ...f.examples.rows.map((r) => cellToText(r[i] ?? null, 60).length)),
    ),
  )
  const line = (cells: string[]) => '      ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  log(line(f.examples.columns))
  for (const row of f.examples.rows) log(line(row.map((cell) => cellToText(cell, 60))))
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim()
  return flat.length > 120 ? flat.slice(0, 117) + '…' : flat
}

import type { MigrationPreview } from '../../../shared/preview'

/**
 * The question Apply asks when a preview found anything, naming the counts;
 * null when every migration about to run is clean.
 */
export function applyConfirmation(migrations: MigrationPreview[]): string | null {
  const found = migrations.filter((m) => m.verdict !== 'clean')
  if (found.length === 0) return null
  const lines = found.map((m) => {
    const counted = m.findings.filter((f) => f.count > 0).map((f) => `  • ${f.message}`)
    return [`${m.version}_${m.name}: ${m.reason}`, ...counted].join('\n')
  })
  return `The preview found this:\n\n${lines.join('\n\n')}\n\nApply anyway?`
}

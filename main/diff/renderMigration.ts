import { describeChange } from '../../shared/schema/describeChange'
import type { GeneratedMigration } from './generateMigration'
import type { MigrationPlan } from './MigrationPlan'

/**
 * The text of a native migration file: a header listing each change with its
 * safety, then the up and down sections. SQLite rebuilds carry
 * `foreign_keys:off`, which the migration engine honours.
 */
export function renderMigration(migration: GeneratedMigration, title: string): string {
  const lines = [`-- ${title}`, '--']
  const changes = migration.diff.changes
  if (changes.length === 0) lines.push('-- No changes.')
  for (const change of changes) {
    lines.push(`-- ${change.safety.padEnd(11)} ${describeChange(change)}`)
    if (change.reason) lines.push(`--             ${change.reason}`)
  }
  lines.push('', marker('up', migration.up), ...statements(migration.up), '')
  lines.push(marker('down', migration.down))
  for (const b of migration.downBackfills)
    lines.push(`-- Rows get ${b.value} in ${b.table}.${b.column}: their old values are gone.`)
  lines.push(...statements(migration.down))
  return lines.join('\n') + '\n'
}

const marker = (direction: 'up' | 'down', plan: MigrationPlan) =>
  `-- migrate:${direction}${plan.foreignKeysOff ? ' foreign_keys:off' : ''}`

const statements = (plan: MigrationPlan) => plan.statements.map((s) => `${s};\n`)

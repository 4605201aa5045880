import { parseConnectionUrl } from '../../shared/connectionUrl'
import type { PreviewReport } from '../../shared/preview'
import type { MigrationStep } from '../migrate/MigrationStep'
import { openMigrator } from '../migrate/openMigrator'
import { previewMigrations, type PreviewOptions } from './previewMigrations'
import type { PreviewStep } from './PreviewStep'

/** Previews what `migrate up` would run now: the folder's pending migrations, in order. */
export async function previewFolder(
  url: string,
  dir: string,
  options: Partial<PreviewOptions> = {},
): Promise<PreviewReport> {
  const { migrator, close } = await openMigrator(url, dir, 0)
  let steps: MigrationStep[]
  try {
    steps = await migrator.planUp()
  } finally {
    await close()
  }
  return previewMigrations(parseConnectionUrl(url), steps.map(previewStepOf), options)
}

export function previewStepOf(step: MigrationStep): PreviewStep {
  return {
    version: step.version,
    name: step.name,
    statements: step.statements,
    transaction: step.transaction,
    foreignKeysOff: step.foreignKeysOff,
  }
}

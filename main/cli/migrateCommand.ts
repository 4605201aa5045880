import { parseConnectionUrl } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import { overallVerdict, type PreviewReport } from '../../shared/preview'
import type { MigrationState } from '../migrate/MigrationStatus'
import type { MigrationProgress, MigrationStep } from '../migrate/MigrationStep'
import { formatNames } from '../migrate/folders/FolderFormat'
import type { Migrator, ResolveChoice, StatusReport } from '../migrate/Migrator'
import { openMigrator } from '../migrate/openMigrator'
import { statusEntry } from '../migrate/statusEntry'
import { previewStepOf } from '../preview/previewFolder'
import { previewMigrations } from '../preview/previewMigrations'
import { planExitCodes, previewJson, printPreview } from './printPreview'

export type MigrateAction =
  | { kind: 'status' }
  | { kind: 'up'; to?: string; dryRun: boolean; acceptDataLoss: boolean }
  | { kind: 'plan'; to?: string }
  | { kind: 'down'; steps: number; dryRun: boolean }
  | { kind: 'baseline'; version: string }
  | { kind: 'resolve'; version?: string; choice: ResolveChoice }

export interface MigrateOptions {
  url: string
  dir: string
  json: boolean
  lockTimeoutMs: number
  action: MigrateAction
}

/** `status` exit codes, so CI can gate on them. */
export const statusExitCodes = { clean: 0, pending: 3, attention: 4 } as const

const needsAttention: MigrationState[] = ['modified', 'missing', 'failed']
const pendingStates: MigrationState[] = ['pending', 'out_of_order']

/** `sluice migrate …`: returns the process exit code. */
export async function migrateCommand(
  options: MigrateOptions,
  write: (text: string) => void,
): Promise<number> {
  const { migrator, close } = await openMigrator(options.url, options.dir, options.lockTimeoutMs)
  const log = (line: string) => write(line + '\n')
  const progress = options.json ? undefined : (p: MigrationProgress) => printProgress(p, log)
  try {
    const action = options.action
    switch (action.kind) {
      case 'status': {
        const report = await migrator.report()
        const statuses = report.migrations
        const json = {
          migrations: statuses.map(statusEntry),
          format: report.format,
          historyTable: report.historyTable,
          django: report.django,
        }
        if (options.json) write(JSON.stringify(json, null, 2) + '\n')
        else printReport(report, log)
        if (statuses.some((s) => needsAttention.includes(s.status)))
          return statusExitCodes.attention
        if (statuses.some((s) => pendingStates.includes(s.status))) return statusExitCodes.pending
        return statusExitCodes.clean
      }
      case 'plan': {
        const report = await previewPending(options.url, await migrator.planUp(action.to))
        if (options.json) write(JSON.stringify(previewJson(report), null, 2) + '\n')
        else printPreview(report, log)
        return planExitCodes[overallVerdict(report.migrations)]
      }
      case 'up':
      case 'down': {
        if (action.dryRun) {
          const steps =
            action.kind === 'up'
              ? await migrator.planUp(action.to)
              : await migrator.planDown(action.steps)
          if (options.json) write(JSON.stringify({ steps }, null, 2) + '\n')
          else printPlan(steps, log)
          return 0
        }
        const gate = new PreviewGate(
          options.url,
          migrator,
          action.kind === 'up' ? action.to : undefined,
        )
        let done: MigrationStep[]
        try {
          done =
            action.kind === 'up'
              ? await migrator.up(action.to, {
                  onProgress: progress,
                  beforeRun: action.acceptDataLoss ? undefined : (steps) => gate.check(steps),
                })
              : await migrator.down(action.steps, { onProgress: progress })
        } catch (error) {
          if (!gate.refused) throw error
          printPreview(gate.refused.report, log)
          log('')
          log(
            `Refused: the preview says ${gate.refused.verdict === 'will_fail' ? 'a migration will fail' : 'data will be lost'}. ` +
              'Nothing was applied. Fix the data or the migration, or apply anyway with --accept-data-loss.',
          )
          return planExitCodes[gate.refused.verdict]
        }
        if (options.json)
          write(
            JSON.stringify({
              [action.kind === 'up' ? 'applied' : 'rolledBack']: done.map(stepJson),
            }) + '\n',
          )
        else if (done.length === 0)
          log(action.kind === 'up' ? 'Nothing to apply.' : 'Nothing rolled back.')
        return 0
      }
      case 'baseline': {
        const marked = await migrator.baseline(action.version)
        if (options.json) write(JSON.stringify({ baselined: marked.map((f) => f.version) }) + '\n')
        else log(`Marked ${marked.length} migration(s) as applied, up to ${action.version}.`)
        return 0
      }
      case 'resolve': {
        const done = await migrator.resolve(action.version, action.choice, { onProgress: progress })
        if (options.json)
          write(JSON.stringify({ resolved: action.choice, applied: done.map(stepJson) }) + '\n')
        else log(`Resolved: ${action.choice}.`)
        return 0
      }
    }
  } catch (error) {
    throw await withResolveFlags(error, migrator)
  } finally {
    await close()
  }
}

/**
 * `migrate up`'s preview, run under the migration lock with the steps about
 * to run. A verdict of will fail or loses data refuses the run. Where another
 * applier got in first (SQLite has no lock to wait on), the shadow saw a
 * migration applied twice, so a failing verdict is checked again against a
 * fresh plan before it refuses.
 */
class PreviewGate {
  refused: { report: PreviewReport; verdict: 'will_fail' | 'loses_data' } | null = null

  constructor(
    private readonly url: string,
    private readonly migrator: Migrator,
    private readonly to: string | undefined,
  ) {}

  async check(steps: MigrationStep[]): Promise<void> {
    let report = await previewPending(this.url, steps)
    if (overallVerdict(report.migrations) === 'will_fail') {
      const again = await this.migrator.planUp(this.to)
      const versions = (list: MigrationStep[]) => list.map((s) => s.version).join()
      if (versions(again) !== versions(steps)) report = await previewPending(this.url, again)
    }
    const verdict = overallVerdict(report.migrations)
    if (verdict !== 'will_fail' && verdict !== 'loses_data') return
    this.refused = { report, verdict }
    throw new SluiceError({ code: 'BAD_REQUEST', message: 'The preview refused the run' })
  }
}

/** The pending steps previewed on a shadow before anything touches the database. */
function previewPending(url: string, steps: MigrationStep[]): Promise<PreviewReport> {
  return previewMigrations(parseConnectionUrl(url), steps.map(previewStepOf))
}

function stepJson(step: MigrationStep) {
  return { version: step.version, name: step.name, statements: step.statements.length }
}

function printReport(report: StatusReport, log: (line: string) => void): void {
  const statuses = report.migrations
  if (report.format !== 'native' || report.historyTable !== 'sluice_migrations')
    log(`${formatNames[report.format]} folder; history read from ${report.historyTable}`)
  if (statuses.length === 0) log('No migrations.')
  for (const django of report.django ?? [])
    log(
      `Django app ${django.app} (read-only): ${django.migrations.length} applied, latest ${django.migrations.at(-1)!.name}`,
    )
  for (const s of statuses) {
    const extra =
      s.status === 'failed'
        ? ` after ${s.history!.statementsApplied}/${s.history!.statementsTotal} statements: ${s.history!.error ?? ''}`
        : ''
    log(`${s.status.padEnd(12)} ${s.version}_${s.name}${extra}`)
  }
}

/** What would run, exactly: statements with their transaction around them. */
function printPlan(steps: MigrationStep[], log: (line: string) => void): void {
  if (steps.length === 0) log('-- Nothing to run.')
  for (const step of steps) {
    log(
      `-- ${step.version}_${step.name} (${step.direction}${step.transaction ? '' : ', no transaction'})`,
    )
    if (step.foreignKeysOff) log('PRAGMA foreign_keys = OFF;')
    if (step.transaction) log('BEGIN;')
    for (const sql of step.statements.slice(step.from)) log(`${sql};`)
    if (step.foreignKeysOff) log('PRAGMA foreign_key_check; -- any row stops the migration')
    log(
      `-- then ${step.direction === 'up' ? 'record' : 'remove'} ${step.version} in sluice_migrations`,
    )
    if (step.transaction) log('COMMIT;')
    if (step.foreignKeysOff) log('PRAGMA foreign_keys = ON;')
    log('')
  }
}

function printProgress(p: MigrationProgress, log: (line: string) => void): void {
  if (p.kind === 'step')
    log(
      `${p.step.direction === 'up' ? 'Applying' : 'Rolling back'} ${p.step.version}_${p.step.name} (${p.index + 1}/${p.count})`,
    )
  else if (p.kind === 'statement') log(`  statement ${p.index + 1}/${p.count}`)
  else if (p.kind === 'stepDone') log(`  done in ${Math.round(p.executionMs)} ms`)
  else log(`  ${p.version}: skipped, ${p.reason}`)
}

/**
 * The engine says in words what a failed migration allows (retry, mark
 * applied, forget); on the command line those are flags, so the refusal
 * names them.
 */
async function withResolveFlags(error: unknown, migrator: Migrator): Promise<unknown> {
  if (!(error instanceof SluiceError) || error.code !== 'BAD_REQUEST') return error
  const failed = (await migrator.status().catch(() => [])).find((s) => s.status === 'failed')
  if (!failed) return error
  return new SluiceError({
    ...error.data,
    message: `${error.message}: sluice migrate resolve ${failed.version} --retry | --applied | --rolled-back`,
  })
}

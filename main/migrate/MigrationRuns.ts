import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { MethodInput, MethodOutput, SluiceEvent } from '../../shared/contract'
import { toErrorData, SluiceError } from '../../shared/errors'
import type { MigrationEntry, MigrationRunAction } from '../../shared/migrationsContract'
import type { PreviewReport } from '../../shared/preview'
import { previewFolder } from '../preview/previewFolder'
import type { MigrationStatus } from './MigrationStatus'
import type { MigrationProgress } from './MigrationStep'
import type { Migrator, RunOptions } from './Migrator'
import { openMigrator } from './openMigrator'
import { statusEntry } from './statusEntry'

/** How long the panel waits for another applier before saying so. */
const lockTimeoutMs = 30_000

interface Remembered {
  dir: string | null
  production: boolean
}

/**
 * The migrations panel's side of the engine: each status or run opens its own
 * session, so a run never blocks the connection's queries, and a run can be
 * cancelled between statements. The folder chosen per connection is kept in
 * `migrations.json` in the data folder, keyed by the connection's title.
 */
export class MigrationRuns {
  private readonly runs = new Map<string, AbortController>()

  constructor(private readonly settingsFile: string) {}

  settings(key: string): Remembered {
    return this.readSettings()[key] ?? { dir: null, production: false }
  }

  remember(key: string, value: Remembered): void {
    const all = this.readSettings()
    all[key] = value
    mkdirSync(dirname(this.settingsFile), { recursive: true })
    writeFileSync(this.settingsFile, JSON.stringify(all, null, 2))
  }

  async status(url: string, dir: string): Promise<MethodOutput<'migrations.status'>> {
    const { migrator, close } = await openMigrator(url, dir, lockTimeoutMs)
    try {
      const report = await migrator.report()
      return {
        format: report.format,
        historyTable: report.historyTable,
        migrations: report.migrations.map(entryOf),
        django: report.django,
      }
    } finally {
      await close()
    }
  }

  start(
    url: string,
    { runId, dir, action }: MethodInput<'migrations.run'>,
    emit: (event: SluiceEvent) => void,
  ): void {
    if (this.runs.has(runId))
      throw new SluiceError({ code: 'BAD_REQUEST', message: `Run "${runId}" is already going` })
    const controller = new AbortController()
    this.runs.set(runId, controller)
    let current = null as { version: string; name: string; index: number; count: number } | null
    const options: RunOptions = {
      signal: controller.signal,
      onProgress: (p: MigrationProgress) => {
        if (p.kind === 'step')
          current = { version: p.step.version, name: p.step.name, index: p.index, count: p.count }
        else if (p.kind === 'statement' && current)
          emit({
            type: 'migrations.progress',
            runId,
            version: current.version,
            name: current.name,
            migration: current.index,
            migrations: current.count,
            statement: p.index,
            statements: p.count,
          })
      },
    }
    void openMigrator(url, dir, lockTimeoutMs)
      .then(async ({ migrator, close }) => {
        try {
          return await migratorRun(migrator, action, options)
        } finally {
          await close()
        }
      })
      .then((steps) =>
        emit({ type: 'migrations.done', runId, versions: steps.map((s) => s.version) }),
      )
      .catch((error: unknown) =>
        emit({
          type: 'migrations.error',
          runId,
          error: toErrorData(error),
          version: current?.version ?? null,
        }),
      )
      .finally(() => this.runs.delete(runId))
  }

  /** Previews the folder's pending migrations on a shadow; `migrations.cancel` with `runId` stops it. */
  preview(url: string, dir: string, runId: string): Promise<PreviewReport> {
    return this.tracked(runId, (signal) => previewFolder(url, dir, { signal }))
  }

  /** Runs cancellable work under `runId`, so `cancel` reaches it like a run. */
  async tracked<T>(runId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.runs.has(runId))
      throw new SluiceError({ code: 'BAD_REQUEST', message: `Run "${runId}" is already going` })
    const controller = new AbortController()
    this.runs.set(runId, controller)
    try {
      return await work(controller.signal)
    } finally {
      this.runs.delete(runId)
    }
  }

  cancel(runId: string): boolean {
    const controller = this.runs.get(runId)
    controller?.abort()
    return controller !== undefined
  }

  cancelAll(): void {
    for (const controller of this.runs.values()) controller.abort()
  }

  private readSettings(): Record<string, Remembered> {
    try {
      return JSON.parse(readFileSync(this.settingsFile, 'utf8')) as Record<string, Remembered>
    } catch {
      return {}
    }
  }
}

function migratorRun(migrator: Migrator, action: MigrationRunAction, options: RunOptions) {
  if (action.kind === 'up') return migrator.up(action.to, options)
  if (action.kind === 'down') return migrator.down(action.steps, options)
  return migrator.resolve(action.version, action.choice, options)
}

function entryOf(s: MigrationStatus): MigrationEntry {
  return {
    ...statusEntry(s),
    sql: s.file?.up ?? null,
    downSql: s.file?.down ?? null,
    hasDown: s.file?.down != null,
  }
}

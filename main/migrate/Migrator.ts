import { userInfo, hostname } from 'node:os'
import { SluiceError } from '../../shared/errors'
import { splitStatements } from '../../shared/sql/splitStatements'
import { dialects } from '../dialects/registry'
import type { ForeignKeySwitch, MigrationSession } from '../dialects/types'
import { computeStatus } from './computeStatus'
import type { HistoryRow } from './history/HistoryRow'
import { formatNames, type FolderFormat } from './folders/FolderFormat'
import { djangoMigrations, type DjangoApp } from './foreign/djangoMigrations'
import { foreignHistories } from './foreign/foreignHistories'
import { historyTable, HistorySql, readHistory, toHistoryRow } from './history/historyTable'
import type { MigrationFile } from './MigrationFile'
import type { MigrationStatus } from './MigrationStatus'
import type { MigrationProgress, MigrationStep } from './MigrationStep'
import { compareVersions } from './versionOrder'

export interface StatusReport {
  format: FolderFormat
  /** The table the history was read from. */
  historyTable: string
  migrations: MigrationStatus[]
  /** Django's own migrations, per app, when the database has them; read-only. */
  django: DjangoApp[] | null
}

export type ResolveChoice = 'retry' | 'applied' | 'rolled-back'

export interface RunOptions {
  onProgress?: (progress: MigrationProgress) => void
  /** Checked between statements: a transactional migration is rolled back, a MySQL one stops after its statement. */
  signal?: AbortSignal
  /**
   * Called under the migration lock with the steps about to run, so a check
   * (the preview) sees what will actually run; throwing refuses the run.
   */
  beforeRun?: (steps: MigrationStep[]) => Promise<void>
}

/** Written while a non-transactional migration runs; it stays if the process or its connection dies. */
const interrupted =
  'Interrupted: the process applying it, or its connection, ended before it finished'

/**
 * Applies a folder's migrations through one session, recording each in
 * `sluice_migrations`. Every change to the database happens under the
 * dialect's session-tied lock, and the history is read again under it, so
 * concurrent appliers never run a migration twice.
 */
export class Migrator {
  private readonly sql: HistorySql
  private readonly appliedBy = `${userInfo().username}@${hostname()}`
  private readonly byVersion: Map<string, MigrationFile>
  /** Each file's up section, split once: a run needs its statements and every history write their count. */
  private readonly upStatements = new Map<string, string[]>()

  constructor(
    private readonly session: MigrationSession,
    private readonly files: MigrationFile[],
    private readonly lockTimeoutMs: number,
    private readonly format: FolderFormat = 'native',
  ) {
    this.sql = new HistorySql(session.dialect)
    this.byVersion = new Map(files.map((f) => [f.version, f]))
  }

  async status(): Promise<MigrationStatus[]> {
    return (await this.report()).migrations
  }

  /**
   * Status with where it was read from: a foreign folder's own tool's history
   * table when the database has it, so a team sees their project as it is.
   */
  async report(): Promise<StatusReport> {
    const foreign = foreignHistories[this.format]
    const foreignRows = foreign ? await foreign.read(this.session, this.files) : null
    const rows = foreignRows ?? (await readHistory(this.session, this.sql))
    return {
      format: this.format,
      historyTable: foreignRows ? foreign!.table : historyTable,
      migrations: computeStatus(this.files, rows),
      django: await djangoMigrations(this.session),
    }
  }

  /** The steps `up` would take, refusing while a migration is failed or was edited after it ran. */
  async planUp(to?: string): Promise<MigrationStep[]> {
    const statuses = await this.status()
    refuseBlocked(statuses)
    if (to !== undefined) this.fileOf(to)
    return statuses
      .filter((s) => s.status === 'pending' || s.status === 'out_of_order')
      .filter((s) => to === undefined || compareVersions(s.version, to) <= 0)
      .map((s) => this.stepOf(s.file!, 'up', 0))
  }

  /** The steps `down` would take: the newest `count` applied migrations, newest first. */
  async planDown(count: number): Promise<MigrationStep[]> {
    const statuses = await this.status()
    const failed = statuses.find((s) => s.status === 'failed')
    if (failed) refuseBlocked([failed])
    const applied = statuses
      .filter((s) => s.history?.status === 'applied')
      .reverse()
      .slice(0, count)
    if (applied.length === 0)
      throw new SluiceError({ code: 'BAD_REQUEST', message: 'No applied migration to roll back' })
    for (const s of applied) {
      if (!s.file)
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message: `Cannot roll back ${label(s)}: its file is missing from the folder`,
        })
      if (s.file.down === null)
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message: `Cannot roll back ${label(s)}: ${s.file.path} has no "-- migrate:down" section`,
        })
    }
    return applied.map((s) => this.stepOf(s.file!, 'down', 0))
  }

  async up(to: string | undefined, options: RunOptions = {}): Promise<MigrationStep[]> {
    return this.locked(async () => {
      await this.session.query(this.sql.create())
      const steps = await this.planUp(to)
      if (steps.length > 0) await options.beforeRun?.(steps)
      return this.runSteps(steps, options)
    })
  }

  async down(count: number, options: RunOptions = {}): Promise<MigrationStep[]> {
    return this.locked(async () => this.runSteps(await this.planDown(count), options))
  }

  /** Marks every migration up to `version` as applied without running it, for a database that already has them. */
  async baseline(version: string): Promise<MigrationFile[]> {
    return this.locked(async () => {
      await this.session.query(this.sql.create())
      const statuses = await this.status()
      const marked = statuses
        .filter((s) => s.file && !s.history && compareVersions(s.version, version) <= 0)
        .map((s) => s.file!)
      if (!this.files.some((f) => compareVersions(f.version, version) <= 0))
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message: `No migration in the folder has version ${version} or older`,
        })
      for (const file of marked)
        await this.session.query(
          this.sql.insert({
            ...this.rowOf(file, 'applied', 0),
            statementsApplied: 0,
            appliedBy: `${this.appliedBy} (baseline)`,
          }),
        )
      return marked
    })
  }

  /**
   * Settles a failed migration: run its remaining statements, accept it as
   * applied (also accepting an edited file's new checksum), or forget it.
   */
  async resolve(version: string | undefined, choice: ResolveChoice, options: RunOptions = {}) {
    return this.locked(async () => {
      const statuses = await this.status()
      const accepts = choice === 'applied' ? ['failed', 'modified'] : ['failed']
      const candidates = statuses.filter(
        (s) => accepts.includes(s.status) && (version === undefined || s.version === version),
      )
      if (candidates.length !== 1)
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message:
            version !== undefined
              ? `Migration ${version} is not ${accepts.join(' or ')}, so there is nothing to resolve`
              : candidates.length === 0
                ? 'No migration is failed, so there is nothing to resolve'
                : `Several migrations need resolving (${candidates.map(label).join(', ')}); name one`,
        })
      const target = candidates[0]!
      const row = target.history!
      if (choice === 'rolled-back') {
        await this.session.query(this.sql.delete(row.version))
        return []
      }
      if (choice === 'applied') {
        await this.session.query(
          this.sql.update(row.version, {
            status: 'applied',
            statementsApplied: row.statementsTotal,
            checksum: target.file?.checksum ?? row.checksum,
            error: null,
            failedStatement: null,
          }),
        )
        return []
      }
      if (!target.file)
        throw new SluiceError({
          code: 'BAD_REQUEST',
          message: `Cannot retry ${label(target)}: its file is missing from the folder`,
        })
      return this.runSteps([this.stepOf(target.file, 'up', row.statementsApplied)], options, row)
    })
  }

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    if (this.format !== 'native')
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message:
          `This is a ${formatNames[this.format]} folder: Sluice reads its status but applies only ` +
          'native folders (<version>_<name>.sql with -- migrate:up), so that one tool owns the history',
      })
    await this.session.lock(this.lockTimeoutMs)
    try {
      return await work()
    } finally {
      await this.session.unlock().catch(() => undefined)
    }
  }

  private async runSteps(
    steps: MigrationStep[],
    options: RunOptions,
    retried?: HistoryRow,
  ): Promise<MigrationStep[]> {
    const done: MigrationStep[] = []
    for (const [index, step] of steps.entries()) {
      options.onProgress?.({ kind: 'step', step, index, count: steps.length })
      const started = performance.now()
      const ran = step.transaction
        ? await this.runInTransaction(step, options, retried)
        : await this.runOneByOne(step, options, retried)
      if (!ran) continue
      options.onProgress?.({
        kind: 'stepDone',
        version: step.version,
        executionMs: performance.now() - started,
      })
      done.push(step)
    }
    return done
  }

  /** PostgreSQL and SQLite: the statements and the history change commit together, or not at all. */
  private async runInTransaction(
    step: MigrationStep,
    options: RunOptions,
    retried: HistoryRow | undefined,
  ): Promise<boolean> {
    const file = this.fileOf(step.version)
    const started = performance.now()
    const foreignKeys = step.foreignKeysOff ? this.session.foreignKeySwitch : undefined
    if (foreignKeys) await this.session.query(foreignKeys.off)
    await this.session.query(this.session.beginStatement)
    let index = 0
    try {
      const [current] = (await this.session.query(this.sql.select(step.version))).map(toHistoryRow)
      const expected = step.direction === 'up' ? (retried ? 'failed' : undefined) : 'applied'
      if (current?.status !== expected) {
        // Another applier got here first while this one waited for the write lock.
        await this.session.query('ROLLBACK')
        options.onProgress?.({
          kind: 'skipped',
          version: step.version,
          reason: 'applied by another process',
        })
        return false
      }
      for (; index < step.statements.length; index++) {
        this.checkCancelled(options.signal)
        const sql = step.statements[index]!
        options.onProgress?.({
          kind: 'statement',
          version: step.version,
          index,
          count: step.statements.length,
          sql,
        })
        await this.session.query(sql)
      }
      if (foreignKeys) await this.checkForeignKeys(foreignKeys)
      const executionMs = performance.now() - started
      if (step.direction === 'down') await this.session.query(this.sql.delete(step.version))
      else if (retried)
        await this.session.query(
          this.sql.update(step.version, {
            ...this.rowOf(file, 'applied', executionMs),
            statementsApplied: step.statements.length,
          }),
        )
      else
        await this.session.query(
          this.sql.insert({
            ...this.rowOf(file, 'applied', executionMs),
            statementsApplied: step.statements.length,
          }),
        )
      await this.session.query('COMMIT')
      return true
    } catch (error) {
      await this.session.query('ROLLBACK').catch(() => undefined)
      if (isCancel(error) || step.direction === 'down') throw this.failure(step, index, error)
      // Nothing of it stayed; the failed row holds the error until the user chooses what to do.
      const failed = {
        ...this.rowOf(file, 'failed', performance.now() - started),
        statementsApplied: 0,
        error: messageOf(error),
        failedStatement: step.statements[index] ?? null,
      }
      await this.session
        .query(retried ? this.sql.update(step.version, failed) : this.sql.insert(failed))
        .catch(() => undefined)
      throw this.failure(step, index, error)
    } finally {
      if (foreignKeys) await this.session.query(foreignKeys.on).catch(() => undefined)
    }
  }

  /** A rebuild with foreign keys off must still leave every key pointing at a row. */
  private async checkForeignKeys(foreignKeys: ForeignKeySwitch): Promise<void> {
    const rows = await this.session.query(foreignKeys.violations)
    if (rows.length === 0) return
    const tables = [...new Set(rows.map((r) => String(r[0])))]
    throw new SluiceError({
      code: 'SQL_ERROR',
      message: `${rows.length} row(s) would break foreign keys afterwards, in ${tables.join(', ')}; nothing was changed`,
    })
  }

  /**
   * MySQL/MariaDB (and `transaction:false`): statements commit as they run, so
   * the row says how many did, updated with each statement in the same round
   * trip. It reads `failed` until the last one, so a crash leaves an honest row.
   */
  private async runOneByOne(
    step: MigrationStep,
    options: RunOptions,
    retried: HistoryRow | undefined,
  ): Promise<boolean> {
    const file = this.fileOf(step.version)
    const started = performance.now()
    const total = step.statements.length
    if (step.direction === 'up' && !retried)
      await this.session.query(
        this.sql.insert({
          ...this.rowOf(file, 'failed', 0),
          statementsApplied: 0,
          error: interrupted,
        }),
      )
    else
      await this.session.query(
        this.sql.update(step.version, {
          status: 'failed',
          error: interrupted,
          failedStatement: null,
        }),
      )
    let index = step.from
    try {
      for (; index < total; index++) {
        this.checkCancelled(options.signal)
        const sql = step.statements[index]!
        options.onProgress?.({ kind: 'statement', version: step.version, index, count: total, sql })
        // A down section's statements do not undo the up's one for one, so only the up's are counted.
        if (step.direction === 'down') await this.session.query(sql)
        else
          await this.session.runThenRecord(
            sql,
            this.sql.update(step.version, { statementsApplied: index + 1 }),
          )
      }
    } catch (error) {
      // A statement whose session died may still have applied; the session recorded it if so.
      if (step.direction === 'up') index = (await this.recordedCount(step.version)) ?? index
      await this.session
        .query(
          this.sql.update(step.version, {
            error: (step.direction === 'down' ? 'Rolling back failed: ' : '') + messageOf(error),
            failedStatement: step.statements[index] ?? null,
          }),
        )
        .catch(() => undefined)
      throw this.failure(step, index, error)
    }
    if (step.direction === 'down') await this.session.query(this.sql.delete(step.version))
    else
      await this.session.query(
        this.sql.update(step.version, {
          ...this.rowOf(file, 'applied', performance.now() - started),
          statementsApplied: total,
        }),
      )
    return true
  }

  private async recordedCount(version: string): Promise<number | undefined> {
    const rows = await this.session.query(this.sql.select(version)).catch(() => [])
    return rows.map(toHistoryRow)[0]?.statementsApplied
  }

  private stepOf(file: MigrationFile, direction: 'up' | 'down', from: number): MigrationStep {
    const transactional =
      dialects[this.session.dialect].capabilities.transactionalDdl &&
      (direction === 'up' ? file.transaction : file.downTransaction)
    return {
      version: file.version,
      name: file.name,
      direction,
      statements: direction === 'up' ? this.upOf(file) : this.split(file.down ?? ''),
      transaction: transactional,
      foreignKeysOff:
        (direction === 'up' ? file.foreignKeysOff : file.downForeignKeysOff) === true &&
        this.session.foreignKeySwitch !== undefined,
      from,
    }
  }

  private rowOf(file: MigrationFile, status: 'applied' | 'failed', executionMs: number) {
    return {
      version: file.version,
      name: file.name,
      checksum: file.checksum,
      appliedBy: this.appliedBy,
      executionMs,
      statementsTotal: this.upOf(file).length,
      status,
      error: null,
      failedStatement: null,
    }
  }

  private upOf(file: MigrationFile): string[] {
    let statements = this.upStatements.get(file.version)
    if (!statements) this.upStatements.set(file.version, (statements = this.split(file.up)))
    return statements
  }

  private split(text: string): string[] {
    return splitStatements(text, this.session.dialect).map((s) => s.text)
  }

  private fileOf(version: string): MigrationFile {
    const file = this.byVersion.get(version)
    if (!file)
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: `No migration with version ${version} in the folder`,
      })
    return file
  }

  private checkCancelled(signal: AbortSignal | undefined): void {
    if (signal?.aborted)
      throw new SluiceError({ code: 'CANCELLED', message: 'Migration cancelled' })
  }

  /** The server's error, said as which statement of which migration failed; its position stays relative to that statement. */
  private failure(step: MigrationStep, index: number, error: unknown): SluiceError {
    const data =
      error instanceof SluiceError
        ? error.data
        : { code: 'INTERNAL' as const, message: messageOf(error) }
    if (data.code === 'CANCELLED') return new SluiceError(data)
    const verb = step.direction === 'up' ? 'failed' : 'failed to roll back'
    return new SluiceError({
      ...data,
      message: `${step.version}_${step.name} ${verb} at statement ${index + 1} of ${step.statements.length}: ${data.message}`,
      detail: step.statements[index],
    })
  }
}

function refuseBlocked(statuses: MigrationStatus[]): void {
  const failed = statuses.find((s) => s.status === 'failed')
  if (failed) {
    const row = failed.history!
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message:
        `${label(failed)} failed after ${row.statementsApplied} of ${row.statementsTotal} statements` +
        `${row.error ? ` (${row.error})` : ''}. Resolve it first: retry it from the failed ` +
        'statement, mark it as applied, or forget it (rolled back)',
    })
  }
  const modified = statuses.find((s) => s.status === 'modified')
  if (modified)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message:
        `${modified.file!.path} was edited after it was applied (its checksum differs). ` +
        `Restore it, or accept it with resolve ${modified.version} --applied`,
    })
}

function label(status: { version: string; name: string }): string {
  return `${status.version}_${status.name}`
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function isCancel(error: unknown): boolean {
  return error instanceof SluiceError && error.code === 'CANCELLED'
}

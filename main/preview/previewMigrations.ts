import type { ConnectionTarget } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import type { Finding, MigrationPreview, PreviewReport, StatementRun } from '../../shared/preview'
import type { DatabaseSchema } from '../../shared/schema/model'
import type { TableRef } from '../../shared/schema/SchemaChange'
import { defaultConnectOptions, dialects } from '../dialects/registry'
import type { DataShadow } from '../dialects/types'
import { withoutHistory } from '../diff/sources/loadSchema'
import { withNamespaceName } from '../schema/withNamespaceName'
import type { Check } from './Check'
import { checksFor } from './checksFor'
import { countCheck, type Counted } from './countCheck'
import { isTransactionControl, type PreviewStep } from './PreviewStep'
import { cancelled, schemaRun, type PlannedStep } from './schemaRun'
import { effectOf, verdictOf, type RunOutcome } from './verdictOf'

export interface PreviewOptions {
  /** Rows copied per table where the shadow is a scratch copy. */
  rowCap: number
  /** Tables with more rows are counted over their first this many, as estimates. */
  sampleRows: number
  lockTimeoutMs: number
  statementTimeoutMs: number
  signal?: AbortSignal
}

export const defaultPreviewOptions: PreviewOptions = {
  rowCap: 50_000,
  sampleRows: 1_000_000,
  lockTimeoutMs: 2_000,
  statementTimeoutMs: 60_000,
}

/**
 * Answers, before anything touches the database, what each migration would
 * do to its data: the schema after it, each statement's time on a shadow,
 * and per change the rows that would fail or lose data, counted with ten
 * examples each, giving one verdict per migration.
 */
export async function previewMigrations(
  target: ConnectionTarget,
  steps: PreviewStep[],
  options: Partial<PreviewOptions> = {},
): Promise<PreviewReport> {
  const settings = { ...defaultPreviewOptions, ...options }
  if (steps.length === 0) return { shadow: 'none: no migration is pending', migrations: [] }
  const dialect = dialects[target.dialect]
  const live = await dialect.connect(target, defaultConnectOptions)
  let shadow: DataShadow
  let schema: DatabaseSchema
  let planned: PlannedStep[]
  try {
    schema = withoutHistory(await live.introspect())
    planned = await schemaRun(target, schema, steps, settings.signal)
    shadow = await dialect.openShadow(target, {
      source: live,
      schema,
      tables: touchedTables(planned),
      rowCap: settings.rowCap,
      transactional: steps.every((s) => s.transaction),
      lockTimeoutMs: settings.lockTimeoutMs,
      statementTimeoutMs: settings.statementTimeoutMs,
    })
  } finally {
    await live.close()
  }
  // A long statement or count is stopped too, not only the ones after it.
  const stop = () => void shadow.cancel().catch(() => undefined)
  settings.signal?.addEventListener('abort', stop)
  try {
    for (const sql of dialect.preflight.tryCast?.setup ?? []) await shadow.query(sql)
    const migrations: MigrationPreview[] = []
    let failed: string | null = null
    for (const [index, step] of steps.entries()) {
      const plan = planned[index]
      if (failed || !plan) {
        migrations.push(notRun(step, plan, failed ?? 'an earlier migration'))
        continue
      }
      const preview = await new StepPreview(shadow, step, plan, settings, schema).run()
      migrations.push(preview)
      if (preview.verdict === 'will_fail' && preview.statements.some((s) => s.error))
        failed = `${step.version}_${step.name}`
    }
    return { shadow: shadow.description, migrations }
  } finally {
    settings.signal?.removeEventListener('abort', stop)
    await shadow.close()
  }
}

/** One migration on the shadow: losses counted, statements run and timed, failures explained. */
class StepPreview {
  private readonly findings: Finding[] = []
  private readonly notes: string[] = []
  /** The shadow could not take a lock in time: the run is unknown rather than failed. */
  private lockedOut = false

  constructor(
    private readonly shadow: DataShadow,
    private readonly step: PreviewStep,
    private readonly plan: PlannedStep,
    private readonly settings: PreviewOptions,
    private readonly live: DatabaseSchema,
  ) {}

  async run(): Promise<MigrationPreview> {
    const { step, plan } = this
    const counts: [Check, Counted][] = []
    for (const check of checksFor(plan.changes, plan.before, 'before'))
      await this.count(check, plan.before, counts)
    const { runs, failure } = await this.runStatements()
    if (failure) {
      const state = await this.state()
      for (const check of checksFor(plan.changes, state, 'onFailure'))
        await this.count(check, state, counts)
    }
    const preflight = dialects[this.live.dialect].preflight
    const outcome: RunOutcome = {
      failure: failure?.error ?? null,
      enforcesTypes: preflight.enforcesTypes,
      strict: preflight.sqlModeQuery ? await this.strict(preflight.sqlModeQuery) : null,
    }
    for (const [check, counted] of counts)
      this.findings.push({
        kind: check.kind,
        namespace: check.namespace,
        table: check.table,
        column: check.column,
        ...counted,
        effect: effectOf(check.kind, outcome),
      })
    if (plan.error && !failure)
      this.notes.push(`On an empty copy of the schema it failed: ${plan.error}`)
    if (this.shadow.cappedTables.size > 0)
      this.notes.push(
        `Only the first ${this.settings.rowCap.toLocaleString('en-US')} rows of ` +
          `${[...this.shadow.cappedTables].join(', ')} were copied to the shadow, so the run there may miss rows that fail`,
      )
    const verdict = this.lockedOut
      ? { verdict: 'warning' as const, reason: `Not fully previewed: ${this.notes.at(-1)}` }
      : verdictOf(this.findings, failure)
    return {
      version: step.version,
      name: step.name,
      ...verdict,
      statements: runs,
      changes: plan.changes,
      findings: this.findings,
      notes: this.notes,
    }
  }

  private async runStatements(): Promise<{
    runs: StatementRun[]
    failure: { statement: number; error: string } | null
  }> {
    const runs: StatementRun[] = []
    let failure: { statement: number; error: string } | null = null
    const keys = this.step.foreignKeysOff ? this.shadow.foreignKeySwitch : undefined
    if (keys) await this.shadow.query(keys.off)
    try {
      for (const [index, sql] of this.step.statements.entries()) {
        if (failure) {
          runs.push({ sql, ms: null, error: null })
          continue
        }
        if (this.settings.signal?.aborted) throw cancelled()
        if (isTransactionControl(sql)) {
          runs.push({ sql, ms: null, error: null })
          this.notes.push(
            `Statement ${index + 1} ends or opens a transaction; the shadow skipped it`,
          )
          continue
        }
        const started = performance.now()
        try {
          await this.shadow.query(sql)
          runs.push({ sql, ms: performance.now() - started, error: null })
        } catch (error) {
          if (this.settings.signal?.aborted) throw cancelled()
          const message = (error as Error).message
          runs.push({ sql, ms: performance.now() - started, error: message })
          if (waitedForLock(error)) {
            // Another session holds the table: that says nothing about the data.
            this.notes.push(
              `Statement ${index + 1} waited longer than ${this.settings.lockTimeoutMs / 1000} s for a lock another session holds, so the preview stopped there: ${message}`,
            )
            this.lockedOut = true
            break
          }
          failure = { statement: index + 1, error: message }
        }
      }
      if (keys && !failure) {
        const broken = await this.shadow.query(keys.violations)
        if (broken.length > 0)
          failure = {
            statement: this.step.statements.length,
            error: `${broken.length} row(s) would break foreign keys afterwards, in ${[...new Set(broken.map((r) => String(r[0])))].join(', ')}`,
          }
      }
    } finally {
      if (keys) await this.shadow.query(keys.on)
    }
    return { runs, failure }
  }

  private async count(
    check: Check,
    state: DatabaseSchema,
    into: [Check, Counted][],
  ): Promise<void> {
    if (this.settings.signal?.aborted) throw cancelled()
    try {
      into.push([check, await countCheck(this.shadow, state, check, this.settings.sampleRows)])
    } catch (error) {
      if (this.settings.signal?.aborted) throw cancelled()
      this.notes.push(
        `Could not count ${check.kind.replace('_', ' ')} on ${check.table}: ${(error as Error).message}`,
      )
    }
  }

  /** The schema where the migration stopped, named like the live one. */
  private async state(): Promise<DatabaseSchema> {
    const model = withoutHistory(await this.shadow.introspect())
    const single = !dialects[model.dialect].capabilities.schemas
    return single ? withNamespaceName(model, this.live.namespaces[0]?.name ?? '') : model
  }

  private async strict(query: string): Promise<boolean> {
    const [row] = await this.shadow.query(query)
    return /STRICT_(TRANS|ALL)_TABLES/i.test(String(row?.[0] ?? ''))
  }
}

/** PostgreSQL's lock_timeout, MariaDB's lock wait timeout, SQLite's busy file. */
function waitedForLock(error: unknown): boolean {
  if (!(error instanceof SluiceError)) return false
  return (
    error.code === 'BUSY' ||
    ['55P03', '1205', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY'].includes(String(error.data.serverCode))
  )
}

function notRun(
  step: PreviewStep,
  plan: PlannedStep | undefined,
  before: string,
): MigrationPreview {
  return {
    version: step.version,
    name: step.name,
    verdict: 'not_run',
    reason: `Not run: ${before} before it fails, and the run stops there`,
    statements: step.statements.map((sql) => ({ sql, ms: null, error: null })),
    changes: plan?.changes ?? [],
    findings: [],
    notes: [],
  }
}

/** Tables a scratch copy needs rows of: those the changes touch, and the parents of new foreign keys. */
function touchedTables(planned: PlannedStep[]): TableRef[] {
  const refs = new Map<string, TableRef>()
  const add = (namespace: string, table: string) =>
    refs.set(`${namespace}\0${table}`, { namespace, table })
  for (const { changes } of planned)
    for (const change of changes) {
      if ('table' in change) add(change.namespace, change.table)
      if (change.kind === 'addForeignKey')
        add(change.foreignKey.referencedNamespace, change.foreignKey.referencedTable)
    }
  return [...refs.values()]
}

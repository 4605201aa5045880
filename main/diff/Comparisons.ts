import type { CompareSource } from '../../shared/compareContract'
import { parseConnectionUrl, type DialectName } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import type { PreviewReport } from '../../shared/preview'
import type { Backfill, Rename } from '../../shared/schema/SchemaChange'
import type { DatabaseSchema } from '../../shared/schema/model'
import { dialects } from '../dialects/registry'
import { previewMigrations } from '../preview/previewMigrations'
import { comparableTarget } from './diffSchemas'
import { generateMigration } from './generateMigration'
import { refusePending, refuseUnanswered, saveMigration } from './newMigration'
import { renderMigration } from './renderMigration'
import { loadPair } from './sources/loadPair'
import type { SchemaSource } from './sources/SchemaSource'

export interface Choices {
  renames: Rename[]
  backfills: Backfill[]
}

interface Loaded {
  from: DatabaseSchema
  to: DatabaseSchema
  title: string
  /** The database a saved migration would run on: the From side, when it is a connection. */
  fromUrl: string | null
}

/**
 * The compare view's pairs, kept by id once loaded, so that confirming a
 * rename or typing a value plans again at once instead of loading again.
 */
export class Comparisons {
  private readonly loaded = new Map<string, Loaded>()
  /** Loads still running, so closing a comparison stops its load. */
  private readonly loading = new Map<string, AbortController>()

  constructor(private readonly urlOf: (connectionId: string) => { url: string; title: string }) {}

  async load(
    compareId: string,
    from: CompareSource,
    to: CompareSource,
  ): Promise<{ dialect: DialectName; fromDdl: string; toDdl: string }> {
    const controller = new AbortController()
    this.loading.set(compareId, controller)
    const pair = await loadPair(
      this.source(from),
      this.source(to),
      undefined,
      controller.signal,
    ).finally(() => this.loading.delete(compareId))
    const target = comparableTarget(pair.from, pair.to)
    this.loaded.set(compareId, {
      from: pair.from,
      to: target,
      title: `${this.describe(from)} → ${this.describe(to)}`,
      fromUrl: from.kind === 'connection' ? this.urlOf(from.connectionId).url : null,
    })
    const ddl = (schema: DatabaseSchema) =>
      dialects[schema.dialect]
        .generateDdl(schema)
        .map((s) => `${s};\n`)
        .join('\n')
    return { dialect: pair.from.dialect, fromDdl: ddl(pair.from), toDdl: ddl(target) }
  }

  plan(compareId: string, choices: Choices) {
    const { migration, title } = this.generate(compareId, choices)
    return {
      changes: migration.diff.changes,
      renameCandidates: migration.diff.renameCandidates,
      migration: renderMigration(migration, title),
    }
  }

  /** Refused, like `sluice migrate new`, unless the migration starts from the migrated database itself. */
  async save(
    compareId: string,
    dir: string,
    name: string,
    choices: Choices,
  ): Promise<{ path: string }> {
    const fromUrl = this.loaded.get(compareId)?.fromUrl
    if (fromUrl === null)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message:
          'Save as migration needs "From" to be this connection: a migration starts from the database it will run on',
      })
    if (fromUrl) await refusePending(fromUrl, dir)
    const { migration } = this.generate(compareId, choices)
    if (migration.diff.changes.length === 0)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: 'The two schemas are the same; there is no migration to save',
      })
    refuseUnanswered(migration.diff.changes)
    return {
      path: saveMigration(
        dir,
        name,
        renderMigration(migration, `${name}: saved from the compare view`),
      ),
    }
  }

  /**
   * Runs the generated migration on a shadow of the From connection, as
   * `sluice migrate plan` would once it is saved. `signal` stops it.
   */
  async preview(compareId: string, choices: Choices, signal: AbortSignal): Promise<PreviewReport> {
    const fromUrl = this.loaded.get(compareId)?.fromUrl
    if (fromUrl === null)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message:
          'Preview needs "From" to be this connection: the migration is previewed on the database it will run on',
      })
    const { migration, title } = this.generate(compareId, choices)
    if (migration.diff.changes.length === 0)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: 'The two schemas are the same; there is nothing to preview',
      })
    const target = parseConnectionUrl(fromUrl!)
    return previewMigrations(
      target,
      [
        {
          version: 'new',
          name: title,
          statements: migration.up.statements,
          transaction: dialects[target.dialect].capabilities.transactionalDdl,
          foreignKeysOff: migration.up.foreignKeysOff,
        },
      ],
      { signal },
    )
  }

  close(compareId: string): void {
    this.loading.get(compareId)?.abort()
    this.loaded.delete(compareId)
  }

  private generate(compareId: string, choices: Choices) {
    const pair = this.loaded.get(compareId)
    if (!pair)
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: 'This comparison is no longer loaded; compare the two sources again',
      })
    return { migration: generateMigration(pair.from, pair.to, choices), title: pair.title }
  }

  private source(source: CompareSource): SchemaSource {
    return source.kind === 'connection'
      ? { kind: 'url', url: this.urlOf(source.connectionId).url }
      : source
  }

  private describe(source: CompareSource): string {
    return source.kind === 'connection' ? this.urlOf(source.connectionId).title : source.path
  }
}

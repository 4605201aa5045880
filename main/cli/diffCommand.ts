import { describeChange } from '../../shared/schema/describeChange'
import type { SchemaDiff } from '../../shared/schema/SchemaChange'
import type { DatabaseSchema } from '../../shared/schema/model'
import { generateMigration } from '../diff/generateMigration'
import { parseRenameOption } from '../diff/parseChoiceOptions'
import { renderMigration } from '../diff/renderMigration'
import { loadPair } from '../diff/sources/loadPair'
import { describeSource, type SchemaSource } from '../diff/sources/SchemaSource'

export type DiffOutput = 'text' | 'sql' | 'json'

export interface DiffOptions {
  from: SchemaSource
  to: SchemaSource
  output: DiffOutput
  /** `--rename` options as typed. */
  renames: string[]
  /** Where files and folders are loaded, when neither side is a URL of the right kind. */
  devUrl?: string
}

/** Exit codes, so CI can gate on drift: `diff` exits 2 when the schemas differ. */
export const diffExitCodes = { same: 0, different: 2 } as const

/** `sluice diff` and `sluice migrate drift`: returns the exit code. */
export async function diffCommand(
  options: DiffOptions,
  write: (text: string) => void,
): Promise<number> {
  const { from, to } = await loadPair(options.from, options.to, options.devUrl)
  const migration = generateMigration(from, to, {
    renames: options.renames.map((r) => parseRenameOption(r, from)),
  })
  const { diff } = migration
  if (options.output === 'json')
    write(
      JSON.stringify(
        {
          changes: diff.changes,
          renameCandidates: diff.renameCandidates,
          up: migration.up,
          down: migration.down,
        },
        null,
        2,
      ) + '\n',
    )
  else if (options.output === 'sql')
    write(
      renderMigration(migration, `${describeSource(options.from)} → ${describeSource(options.to)}`),
    )
  else write(listing(diff, from))
  return diff.changes.length === 0 ? diffExitCodes.same : diffExitCodes.different
}

/** One line per change with its safety, then the renames that might be meant. */
function listing(diff: SchemaDiff, from: DatabaseSchema): string {
  if (diff.changes.length === 0) return 'No differences.\n'
  const lines = diff.changes.map(
    (c) => `${c.safety.padEnd(11)} ${describeChange(c)}${c.reason ? ` — ${c.reason}` : ''}`,
  )
  const single = from.namespaces.length === 1
  for (const r of diff.renameCandidates) {
    const left = r.kind === 'table' ? r.from : `${r.table}.${r.from}`
    const qualified = single ? left : `${r.namespace}.${left}`
    lines.push(`possible rename: --rename '${qualified}=${r.to}'`)
  }
  return lines.join('\n') + '\n'
}

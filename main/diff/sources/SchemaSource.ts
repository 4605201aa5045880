import { existsSync, statSync } from 'node:fs'
import { redactUrl } from '../../../shared/connectionUrl'
import { SluiceError } from '../../../shared/errors'

/** Where a schema comes from, for `sluice diff`, `migrate new` and the compare view. */
export type SchemaSource =
  | { kind: 'url'; url: string }
  /** CREATE statements, loaded into a scratch database. */
  | { kind: 'sqlFile'; path: string }
  /** A migration folder, replayed on a scratch database. */
  | { kind: 'folder'; path: string }
  /** A schema model saved as JSON (`sluice diff --json` writes its sides' models this way). */
  | { kind: 'snapshot'; path: string }

/** Reads a source as the CLI takes it: a URL, a folder, a `.json` snapshot or a `.sql` file. */
export function parseSchemaSource(text: string): SchemaSource {
  if (/^(sqlite|postgres|postgresql|mysql|mariadb):/i.test(text)) return { kind: 'url', url: text }
  if (!existsSync(text))
    throw new SluiceError({
      code: 'NOT_FOUND',
      message: `${text} is neither a connection URL nor an existing file or folder`,
    })
  if (statSync(text).isDirectory()) return { kind: 'folder', path: text }
  if (/\.json$/i.test(text)) return { kind: 'snapshot', path: text }
  return { kind: 'sqlFile', path: text }
}

export function describeSource(source: SchemaSource): string {
  return source.kind === 'url' ? redactUrl(source.url) : source.path
}

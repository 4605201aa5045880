import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  parseConnectionUrl,
  type ConnectionTarget,
  type DialectName,
} from '../../../shared/connectionUrl'
import { SluiceError } from '../../../shared/errors'
import type { DatabaseSchema } from '../../../shared/schema/model'
import { splitStatements } from '../../../shared/sql/splitStatements'
import { connectUrl } from '../../dialects/registry'
import { collectRows } from '../../dialects/collectRows'
import type { DialectConnection } from '../../dialects/types'
import { readFolder } from '../../migrate/folders/readFolder'
import { historyTable } from '../../migrate/history/historyTable'
import { openScratchDatabase } from './scratchDatabase'
import type { SchemaSource } from './SchemaSource'

const dialectNames: DialectName[] = ['sqlite', 'postgres', 'mysql']

/**
 * The schema model of a source. Files and folders are loaded into a scratch
 * database on `server` and introspected there, so both sides of a diff are
 * what the same database prints. Sluice's own history table is left out.
 */
export async function loadSchema(
  source: SchemaSource,
  server: ConnectionTarget,
  signal?: AbortSignal,
): Promise<DatabaseSchema> {
  switch (source.kind) {
    case 'url': {
      const connection = await connectUrl(source.url)
      try {
        return withoutHistory(await connection.introspect())
      } finally {
        await connection.close()
      }
    }
    case 'snapshot':
      return readSnapshot(source.path)
    case 'sqlFile':
      return inScratch(server, [{ origin: source.path, text: readText(source.path) }], signal)
    case 'folder': {
      const { files } = readFolder(source.path)
      return inScratch(
        server,
        files.map((f) => ({ origin: join(source.path, f.path), text: f.up })),
        signal,
      )
    }
  }
}

/** The server a source's own URL names, for loading the other side next to it. */
export function serverOf(source: SchemaSource): ConnectionTarget | null {
  return source.kind === 'url' ? parseConnectionUrl(source.url) : null
}

/**
 * Runs each script on a new scratch database; an error names the file and
 * line. `signal` cancels the running statement and the rest, and the
 * scratch database goes.
 */
async function inScratch(
  server: ConnectionTarget,
  scripts: { origin: string; text: string }[],
  signal: AbortSignal | undefined,
): Promise<DatabaseSchema> {
  const scratch = await openScratchDatabase(server)
  // A long statement is stopped too, not only the ones after it.
  const stop = () => void scratch.connection.cancel().catch(() => undefined)
  signal?.addEventListener('abort', stop)
  try {
    for (const { origin, text } of scripts)
      await runScript(scratch.connection, text, origin, signal)
    return withoutHistory(await scratch.connection.introspect())
  } finally {
    signal?.removeEventListener('abort', stop)
    await scratch.close()
  }
}

async function runScript(
  connection: DialectConnection,
  script: string,
  origin: string,
  signal: AbortSignal | undefined,
) {
  const cancelled = () =>
    new SluiceError({ code: 'CANCELLED', message: 'Loading the schema was cancelled' })
  for (const statement of splitStatements(script, connection.dialect)) {
    if (signal?.aborted) throw cancelled()
    try {
      await collectRows(connection, statement.text)
    } catch (error) {
      if (signal?.aborted) throw cancelled()
      const line = script.slice(0, statement.start).split('\n').length
      throw new SluiceError({
        code: 'SQL_ERROR',
        message: `${origin}, line ${line}: ${(error as Error).message}`,
      })
    }
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new SluiceError({
      code: 'NOT_FOUND',
      message: `Cannot read ${path}: ${(error as Error).message}`,
    })
  }
}

function readSnapshot(path: string): DatabaseSchema {
  let parsed: unknown
  try {
    parsed = JSON.parse(readText(path))
  } catch (error) {
    if (error instanceof SluiceError) throw error
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `${path} is not JSON: ${(error as Error).message}`,
    })
  }
  const schema = parsed as Partial<DatabaseSchema> | null
  if (
    !schema ||
    !dialectNames.includes(schema.dialect as DialectName) ||
    !Array.isArray(schema.namespaces)
  )
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `${path} is not a Sluice schema snapshot: it needs "dialect" and "namespaces"`,
    })
  return schema as DatabaseSchema
}

/** The model without Sluice's own history table, which no schema file declares. */
export function withoutHistory(schema: DatabaseSchema): DatabaseSchema {
  return {
    ...schema,
    namespaces: schema.namespaces.map((ns) => ({
      ...ns,
      tables: ns.tables.filter((t) => t.name !== historyTable),
    })),
  }
}

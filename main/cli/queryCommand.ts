import { readFile } from 'node:fs/promises'
import { parseConnectionUrl } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import { splitStatements } from '../../shared/sql/splitStatements'
import { connectUrl } from '../dialects/registry'
import { printerFor, type OutputFormat } from './printRows'

export interface QueryOptions {
  url: string
  /** The SQL itself, or a file holding a script. */
  source: { sql: string } | { file: string }
  format: OutputFormat
}

/**
 * `sluice query`: runs a statement or a script's statements in order, printing
 * each result set as it streams, one after another. The first failure stops
 * the script and is reported with its line and column in the script.
 */
export async function queryCommand(
  options: QueryOptions,
  write: (text: string) => void,
): Promise<void> {
  const { dialect } = parseConnectionUrl(options.url)
  const name = 'file' in options.source ? options.source.file : 'SQL'
  const script =
    'file' in options.source ? await readScript(options.source.file) : options.source.sql
  const statements = splitStatements(script, dialect)
  if (statements.length === 0)
    throw new SluiceError({ code: 'BAD_REQUEST', message: `${name} holds no SQL statement` })
  const connection = await connectUrl(options.url)
  try {
    for (const [index, statement] of statements.entries()) {
      const printer = printerFor(options.format, write)
      try {
        for await (const event of connection.stream(statement.text, { batchSize: 1000 }))
          printer.event(event)
      } catch (error) {
        if (!(error instanceof SluiceError)) throw error
        const at = statement.start + (error.data.position ?? 1) - 1
        const { line, column } = lineAndColumn(script, at)
        const which =
          statements.length > 1 ? `statement ${index + 1} of ${statements.length}` : 'the statement'
        throw new SluiceError({
          ...error.data,
          message: `${name}:${line}:${column}: ${which} failed: ${error.data.message}`,
        })
      }
      printer.end()
    }
  } finally {
    await connection.close()
  }
}

async function readScript(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new SluiceError({
      code: 'NOT_FOUND',
      message: `Cannot read ${file}: ${(error as Error).message}`,
    })
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

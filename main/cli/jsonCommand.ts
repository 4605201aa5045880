import { parseConnectionUrl, type ConnectionTarget } from '../../shared/connectionUrl'
import { SluiceError } from '../../shared/errors'
import { connectUrl } from '../dialects/registry'
import { JsonQueries } from '../json/JsonQueries'
import { printerFor } from './printRows'

export interface JsonOptions {
  url: string
  table: string
  /** Where the table is; by default SQLite's main, PostgreSQL's public, or the MySQL URL's database. */
  schema?: string
  column: string
  where: string
  output: 'text' | 'json' | 'sql'
}

/** `sluice json`: the rows a JSON filter selects, or with --sql the statement it compiles to. */
export async function jsonCommand(
  options: JsonOptions,
  write: (text: string) => void,
): Promise<void> {
  const target = parseConnectionUrl(options.url)
  const object = { schema: options.schema ?? defaultSchema(target), name: options.table }
  const connection = await connectUrl(options.url)
  try {
    const { sql } = await new JsonQueries(() => connection).filter(
      'cli',
      object,
      options.column,
      options.where,
    )
    if (options.output === 'sql') {
      write(sql + ';\n')
      return
    }
    const printer = printerFor(options.output, write)
    for await (const event of connection.stream(sql, { batchSize: 1000 })) printer.event(event)
    printer.end()
  } finally {
    await connection.close()
  }
}

function defaultSchema(target: ConnectionTarget): string {
  if (target.dialect === 'sqlite') return 'main'
  if (target.dialect === 'postgres') return 'public'
  if (!target.database)
    throw new SluiceError({
      code: 'BAD_URL',
      message: 'Name the database in the URL, or give --schema',
    })
  return target.database
}

import { connectUrl } from '../dialects/registry'
import { jsonPrinter, textPrinter } from './printRows'

export interface QueryOptions {
  url: string
  sql: string
  json: boolean
}

/** `sluice query`: runs one statement and streams its rows to stdout. */
export async function queryCommand(
  options: QueryOptions,
  write: (text: string) => void,
): Promise<void> {
  const connection = await connectUrl(options.url)
  const printer = options.json ? jsonPrinter(write) : textPrinter(write)
  try {
    for await (const event of connection.stream(options.sql, { batchSize: 1000 }))
      printer.event(event)
    printer.end()
  } finally {
    await connection.close()
  }
}

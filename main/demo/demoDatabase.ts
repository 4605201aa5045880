import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { formatConnectionUrl } from '../../shared/connectionUrl'
import { splitStatements } from '../../shared/sql/splitStatements'
import { connectUrl } from '../dialects/registry'

export const demoFileName = 'demo.sqlite'

/**
 * Makes the demo database in `dataDir` on first use and returns its URL. It
 * is built under a temporary name and renamed at the end, so an interrupted
 * first start never leaves a half-filled demo behind.
 */
export async function ensureDemoDatabase(dataDir: string, resourcesDir: string): Promise<string> {
  const file = join(dataDir, demoFileName)
  const url = formatConnectionUrl({ dialect: 'sqlite', file })
  if (existsSync(file)) return url
  mkdirSync(dataDir, { recursive: true })
  const partial = `${file}.partial-${process.pid}`
  rmSync(partial, { force: true })
  const script = readFileSync(join(resourcesDir, 'demo', 'demo.sql'), 'utf8')
  const connection = await connectUrl(formatConnectionUrl({ dialect: 'sqlite', file: partial }))
  try {
    for (const statement of splitStatements(script, 'sqlite')) {
      for await (const event of connection.stream(statement.text, { batchSize: 1000 })) void event
    }
  } finally {
    await connection.close()
  }
  renameSync(partial, file)
  return url
}

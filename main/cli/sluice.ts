import { parseArgs, type ParseArgsConfig } from 'node:util'
import { SluiceError } from '../../shared/errors'
import { desktopCommand } from './desktopCommand'
import { outputFormats, type OutputFormat } from './printRows'
import { queryCommand } from './queryCommand'
import { schemaCommand } from './schemaCommand'
import { serveCommand } from './serveCommand'
import { version } from './version'

const usage = `Usage:
  sluice                                   open the desktop app (web mode if Electron is missing)
  sluice serve [--port N] [--no-open]      serve the UI on 127.0.0.1 and print its URL
  sluice query --url URL [--format F] "SQL"
  sluice query --url URL [--format F] --file script.sql
                                           run SQL, or a script's statements in order (stopping at the
                                           first error), printing each result set; F is text (default),
                                           csv, json or ndjson; --json is --format json
  sluice schema --url URL [--json]         print the schema as DDL, or as the JSON model
Options: --verbose prints error details; --version; --help`

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  const out = (text: string) => process.stdout.write(text)
  const log = (line: string) => process.stdout.write(line + '\n')
  if (command === undefined) return desktopCommand(log)
  if (command === '--help' || command === '-h') {
    log(usage)
    return
  }
  if (command === '--version') {
    log(version)
    return
  }
  if (command === 'serve') {
    const { values } = parse(rest, {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
    } as const)
    const port = values.port === undefined ? undefined : Number(values.port)
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
      throw new UsageError(`--port must be a port number, not "${values.port}"`)
    await serveCommand({ port, open: values['no-open'] !== true }, log)
    return
  }
  if (command === 'query') {
    const { values, positionals } = parse(rest, {
      url: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      file: { type: 'string' },
    } as const)
    if (!values.url) throw new UsageError('query needs --url URL')
    const format = values.json ? 'json' : (values.format ?? 'text')
    if (!isOutputFormat(format))
      throw new UsageError(`--format must be one of ${outputFormats.join(', ')}, not "${format}"`)
    if (values.json && values.format && values.format !== 'json')
      throw new UsageError('--json is --format json; give one or the other')
    if (values.file !== undefined && positionals.length > 0)
      throw new UsageError('query takes SQL or --file, not both')
    if (values.file === undefined && positionals.length !== 1)
      throw new UsageError('query needs exactly one SQL argument (quote it), or --file')
    const source = values.file !== undefined ? { file: values.file } : { sql: positionals[0]! }
    return queryCommand({ url: values.url, source, format }, out)
  }
  if (command === 'schema') {
    const { values, positionals } = parse(rest, {
      url: { type: 'string' },
      json: { type: 'boolean' },
    } as const)
    if (!values.url) throw new UsageError('schema needs --url URL')
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`)
    return schemaCommand({ url: values.url, json: values.json === true }, out)
  }
  throw new UsageError(`Unknown command "${command}"`)
}

function isOutputFormat(format: string): format is OutputFormat {
  return (outputFormats as readonly string[]).includes(format)
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({
      args,
      options: { ...options, verbose: { type: 'boolean' as const } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

const verbose = process.argv.includes('--verbose')
main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`sluice: ${error.message}\n${usage}\n`)
    process.exit(2)
  }
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`sluice: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
  if (verbose)
    process.stderr.write(
      JSON.stringify(
        error instanceof SluiceError ? error.data : { stack: (error as Error)?.stack },
        null,
        2,
      ) + '\n',
    )
  process.exit(1)
})

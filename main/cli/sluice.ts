import { parseArgs, type ParseArgsConfig } from 'node:util'
import { SluiceError } from '../../shared/errors'
import { versionPattern } from '../../shared/migrationVersion'
import { describeChange } from '../../shared/schema/describeChange'
import { newMigration } from '../diff/newMigration'
import { parseSchemaSource } from '../diff/sources/SchemaSource'
import { desktopCommand } from './desktopCommand'
import { diffCommand } from './diffCommand'
import { jsonCommand } from './jsonCommand'
import { migrateCommand, type MigrateAction } from './migrateCommand'
import { outputFormats, type OutputFormat } from './printRows'
import { queryCommand } from './queryCommand'
import { schemaCommand } from './schemaCommand'
import { serveCommand } from './serveCommand'
import { version } from './version'

const usage = `Usage:
  sluice                                   open the desktop app (web mode if Electron is missing)
  sluice serve [--port N] [--no-open]      serve the UI on 127.0.0.1:4733 (or N) and print its URL
  sluice query --url URL [--format F] "SQL"
  sluice query --url URL [--format F] --file script.sql
                                           run SQL, or a script's statements in order (stopping at the
                                           first error), printing each result set; F is text (default),
                                           csv, json or ndjson; --json is --format json
  sluice schema --url URL [--json]         print the schema as DDL, or as the JSON model
  sluice json --url URL --table T [--schema S] --column C --where 'LOOKUPS' [--sql] [--json]
                                           the rows whose JSON column C matches Django-style lookups
                                           (breed__icontains="mix", age__lt=5, has_key="a", …), the
                                           same rows on every dialect; --sql prints the statement
  sluice migrate status|plan|up|down|baseline|resolve --url URL --dir DIR [--json]
    status                                 list migrations; exit 0 all applied, 3 pending,
                                           4 modified, missing or failed
    plan [--to VERSION]                    preview pending migrations on a shadow: statements, schema
                                           after, and the rows that would fail or lose data, counted
                                           with examples; exit 0 clean (or warning), 5 will fail,
                                           6 loses data
    up [--to VERSION] [--dry-run] [--accept-data-loss]
                                           apply pending migrations in order, after a preview that
                                           refuses (exit 5 or 6) what will fail or loses data unless
                                           --accept-data-loss is given
    down [--steps N] [--dry-run]           roll back the newest N (default 1) applied migrations
    baseline VERSION                       mark migrations up to VERSION as applied, not running them
    resolve [VERSION] --retry|--applied|--rolled-back
                                           settle a failed migration: run its remaining statements,
                                           mark it applied, or forget it
    --lock-timeout SECONDS                 wait this long for another applier (default 60)
  sluice migrate new --url URL --dir DIR --name NAME --schema schema.sql
                     [--rename table.old=new]… [--default table.column=VALUE]…
                                           write the next migration (up and down) taking the migrated
                                           database to schema.sql; VALUE is SQL for existing rows
  sluice migrate drift --url URL --dir DIR list how the database differs from the folder replayed on a
                                           scratch database; exit 0 none, 2 drift
  sluice diff --from SRC --to SRC [--sql|--json] [--rename table.old=new]… [--dev-url URL]
                                           compare two schemas; SRC is a URL, a .sql file, a migration
                                           folder or a JSON snapshot (sluice schema --json); files load
                                           on a scratch database beside a URL side, or --dev-url's
                                           server, else in-memory SQLite; exit 0 same, 2 different
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
  if (command === 'json') {
    const { values, positionals } = parse(rest, {
      url: { type: 'string' },
      table: { type: 'string' },
      schema: { type: 'string' },
      column: { type: 'string' },
      where: { type: 'string' },
      sql: { type: 'boolean' },
      json: { type: 'boolean' },
    } as const)
    if (!values.url || !values.table || !values.column || !values.where)
      throw new UsageError('json needs --url URL --table T --column C --where LOOKUPS')
    if (values.sql && values.json) throw new UsageError('json takes --sql or --json, not both')
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`)
    const output = values.sql ? 'sql' : values.json ? 'json' : 'text'
    const { url, table, schema, column, where } = values
    return jsonCommand({ url, table, schema, column, where, output }, out)
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
  if (command === 'diff') {
    const { values, positionals } = parse(rest, {
      from: { type: 'string' },
      to: { type: 'string' },
      sql: { type: 'boolean' },
      json: { type: 'boolean' },
      rename: { type: 'string', multiple: true },
      'dev-url': { type: 'string' },
    } as const)
    if (!values.from || !values.to) throw new UsageError('diff needs --from SRC and --to SRC')
    if (values.sql && values.json) throw new UsageError('diff takes --sql or --json, not both')
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`)
    process.exitCode = await diffCommand(
      {
        from: parseSchemaSource(values.from),
        to: parseSchemaSource(values.to),
        output: values.json ? 'json' : values.sql ? 'sql' : 'text',
        renames: values.rename ?? [],
        devUrl: values['dev-url'],
      },
      out,
    )
    return
  }
  if (command === 'migrate' && (rest[0] === 'new' || rest[0] === 'drift')) {
    process.exitCode = await generate(rest, log)
    return
  }
  if (command === 'migrate') {
    const code = await migrate(rest, out)
    if (code !== 0) process.exitCode = code
    return
  }
  throw new UsageError(`Unknown command "${command}"`)
}

function migrate(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parse(args, {
    url: { type: 'string' },
    dir: { type: 'string' },
    json: { type: 'boolean' },
    to: { type: 'string' },
    steps: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-data-loss': { type: 'boolean' },
    'lock-timeout': { type: 'string' },
    retry: { type: 'boolean' },
    applied: { type: 'boolean' },
    'rolled-back': { type: 'boolean' },
  } as const)
  const [sub, ...operands] = positionals
  if (!values.url) throw new UsageError('migrate needs --url URL')
  if (!values.dir) throw new UsageError('migrate needs --dir DIR')
  const lockSeconds = Number(values['lock-timeout'] ?? 60)
  if (!(lockSeconds >= 0)) throw new UsageError('--lock-timeout must be a number of seconds')
  const dryRun = values['dry-run'] === true
  const version = (what: string) => {
    if (operands[0] !== undefined && !versionPattern.test(operands[0]))
      throw new UsageError(`${what} takes a version of digits, not "${operands[0]}"`)
    return operands[0]
  }
  let action: MigrateAction
  if (sub === 'status') action = { kind: 'status' }
  else if (sub === 'up') {
    if (values.to !== undefined && !versionPattern.test(values.to))
      throw new UsageError(`--to takes a version of digits, not "${values.to}"`)
    action = {
      kind: 'up',
      to: values.to,
      dryRun,
      acceptDataLoss: values['accept-data-loss'] === true,
    }
  } else if (sub === 'plan') {
    if (values.to !== undefined && !versionPattern.test(values.to))
      throw new UsageError(`--to takes a version of digits, not "${values.to}"`)
    action = { kind: 'plan', to: values.to }
  } else if (sub === 'down') {
    const steps = Number(values.steps ?? 1)
    if (!(Number.isInteger(steps) && steps > 0))
      throw new UsageError('--steps must be a positive whole number')
    action = { kind: 'down', steps, dryRun }
  } else if (sub === 'baseline') {
    const at = version('baseline')
    if (at === undefined) throw new UsageError('baseline needs a VERSION')
    action = { kind: 'baseline', version: at }
  } else if (sub === 'resolve') {
    const choices = (['retry', 'applied', 'rolled-back'] as const).filter((c) => values[c] === true)
    if (choices.length !== 1)
      throw new UsageError('resolve needs exactly one of --retry, --applied, --rolled-back')
    action = { kind: 'resolve', version: version('resolve'), choice: choices[0]! }
  } else
    throw new UsageError(
      sub
        ? `Unknown migrate command "${sub}"`
        : 'migrate needs a command: status, plan, up, down, baseline or resolve',
    )
  if (operands.length > (sub === 'baseline' || sub === 'resolve' ? 1 : 0))
    throw new UsageError(`Unexpected argument "${operands.at(-1)}"`)
  return migrateCommand(
    {
      url: values.url,
      dir: values.dir,
      json: values.json === true,
      lockTimeoutMs: lockSeconds * 1000,
      action,
    },
    out,
  )
}

/** `migrate new` and `migrate drift`, which compare schemas rather than run a folder. */
async function generate(args: string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parse(args, {
    url: { type: 'string' },
    dir: { type: 'string' },
    name: { type: 'string' },
    schema: { type: 'string' },
    rename: { type: 'string', multiple: true },
    default: { type: 'string', multiple: true },
  } as const)
  const [sub] = positionals
  if (!values.url) throw new UsageError(`migrate ${sub} needs --url URL`)
  if (!values.dir) throw new UsageError(`migrate ${sub} needs --dir DIR`)
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}"`)
  if (sub === 'drift')
    return diffCommand(
      {
        from: parseSchemaSource(values.url),
        to: { kind: 'folder', path: values.dir },
        output: 'text',
        renames: [],
      },
      (text) => log(text.trimEnd()),
    )
  if (!values.name) throw new UsageError('migrate new needs --name NAME')
  if (!values.schema) throw new UsageError('migrate new needs --schema schema.sql')
  const made = await newMigration({
    url: values.url,
    dir: values.dir,
    name: values.name,
    schema: parseSchemaSource(values.schema),
    renames: values.rename ?? [],
    defaults: values.default ?? [],
  })
  if (made.path === null) log('No differences; nothing written.')
  else {
    log(made.path)
    for (const change of made.migration.diff.changes)
      log(`  ${change.safety.padEnd(11)} ${describeChange(change)}`)
  }
  return 0
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

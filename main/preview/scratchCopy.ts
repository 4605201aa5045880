import type { Cell } from '../../shared/cells'
import { isBytesCell, isJsonCell, jsonText } from '../../shared/cells'
import type { ConnectionTarget } from '../../shared/connectionUrl'
import { qualifiedName } from '../../shared/sql/quote'
import type { Table } from '../../shared/schema/model'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import type { DataShadow, DialectConnection, ShadowOptions } from '../dialects/types'
import { openScratchDatabase } from '../diff/sources/scratchDatabase'

/** Rows per INSERT when copying into the scratch database. */
const insertBatch = 200

/**
 * A shadow for servers whose DDL cannot be rolled back: a scratch database
 * on the same server, built from the introspected schema, holding the first
 * `rowCap` rows of each table the preview needs (others stay empty).
 * Triggers are created after the copy, so copying fires none.
 */
export async function openScratchCopy(
  target: ConnectionTarget,
  options: ShadowOptions,
): Promise<DataShadow> {
  const dialect = dialects[target.dialect]
  const scratch = await openScratchDatabase(target)
  const capped = new Set<string>()
  try {
    const ddl = dialect.generateDdl(options.schema)
    const isTrigger = (s: string) => /^\s*CREATE\s+(?:DEFINER\s*=\s*\S+\s+)?TRIGGER\b/i.test(s)
    for (const statement of ddl.filter((s) => !isTrigger(s)))
      await collectRows(scratch.connection, statement)
    for (const sql of dialect.preflight.keyChecks.off) await collectRows(scratch.connection, sql)
    for (const { namespace, table } of options.tables) {
      const definition = options.schema.namespaces
        .find((n) => n.name === namespace)
        ?.tables.find((t) => t.name === table)
      if (!definition) continue
      const complete = await copyRows(
        options.source,
        scratch.connection,
        namespace,
        definition,
        options,
      )
      if (!complete) capped.add(table)
    }
    for (const sql of dialect.preflight.keyChecks.on) await collectRows(scratch.connection, sql)
    for (const statement of ddl.filter(isTrigger)) await collectRows(scratch.connection, statement)
    for (const sql of dialect.preflight.statementTimeout(options.statementTimeoutMs))
      await collectRows(scratch.connection, sql).catch(() => undefined)
  } catch (error) {
    await scratch.close()
    throw error
  }
  const cap = options.rowCap.toLocaleString('en-US')
  return {
    description:
      `a scratch database on the same server, built from the schema, with up to ${cap} rows ` +
      'of each table the migrations touch',
    cappedTables: capped,
    query: (sql) => collectRows(scratch.connection, sql),
    introspect: () => scratch.connection.introspect(),
    cancel: async () => void (await scratch.connection.cancel()),
    close: () => scratch.close(),
  }
}

/** Copies up to `rowCap` rows; false when the table held more. */
async function copyRows(
  source: DialectConnection,
  into: DialectConnection,
  namespace: string,
  table: Table,
  options: ShadowOptions,
): Promise<boolean> {
  const dialect = dialects[source.dialect]
  const columns = table.columns.filter((c) => !c.generated)
  if (columns.length === 0) return true
  const list = columns.map((c) => dialect.quoteIdentifier(c.name)).join(', ')
  const from = qualifiedName(
    source.dialect,
    dialect.capabilities.schemas ? namespace : '',
    table.name,
  )
  const rows = await collectRows(source, `SELECT ${list} FROM ${from} LIMIT ${options.rowCap + 1}`)
  const destination = qualifiedName(
    into.dialect,
    dialect.capabilities.schemas ? namespace : '',
    table.name,
  )
  const overriding = columns.some((c) => c.identity === 'always') ? ' OVERRIDING SYSTEM VALUE' : ''
  const kept = rows.slice(0, options.rowCap)
  for (let i = 0; i < kept.length; i += insertBatch) {
    const values = kept
      .slice(i, i + insertBatch)
      .map((row) => `(${row.map((cell) => literalOf(source.dialect, cell)).join(', ')})`)
    await collectRows(
      into,
      `INSERT INTO ${destination} (${list})${overriding} VALUES ${values.join(', ')}`,
    )
  }
  return rows.length <= options.rowCap
}

function literalOf(dialectName: ConnectionTarget['dialect'], cell: Cell): string {
  const dialect = dialects[dialectName]
  if (cell === null) return 'NULL'
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? String(cell) : dialect.quoteLiteral(String(cell))
  if (isJsonCell(cell)) return dialect.quoteLiteral(jsonText(cell))
  if (isBytesCell(cell)) return dialect.preflight.bytesLiteral(cell.$bytes)
  return dialect.quoteLiteral(cell)
}

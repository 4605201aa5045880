import type { Cell } from '../../shared/cells'
import { assertTrustedLiterals } from '../dialects/trustedLiterals'
import type { ObjectRef } from '../../shared/contract'
import { SluiceError } from '../../shared/errors'
import type { IndexAdvice } from '../../shared/json/indexAdvice'
import type { JsonColumn } from '../../shared/json/jsonColumn'
import { formatLookup, parseLookups } from '../../shared/json/lookups'
import type { JsonShape } from '../../shared/json/shape'
import type { PlanNode } from '../../shared/plan'
import type { Table } from '../../shared/schema/model'
import { exactName, qualifiedName } from '../../shared/sql/quote'
import { collectRows } from '../dialects/collectRows'
import { dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { filterStatement, type FilterTarget } from './filterStatement'
import { jsonColumns } from './jsonColumns'
import { defaultSampleSize, shapeOf } from './sampleColumn'

/** The JSON editor's engine side: shapes cached per table column, filters compiled for the connection's dialect. */
export class JsonQueries {
  private readonly shapes = new Map<string, JsonShape>()

  constructor(private readonly connectionOf: (connectionId: string) => DialectConnection) {}

  columns(connectionId: string, object: ObjectRef): Promise<JsonColumn[]> {
    const connection = this.connectionOf(connectionId)
    return jsonColumns(connection, dialects[connection.dialect], object)
  }

  async shape(
    connectionId: string,
    object: ObjectRef,
    column: string,
    options: { sampleSize?: number; refresh?: boolean },
  ): Promise<JsonShape> {
    const key = JSON.stringify([connectionId, object.schema, object.name, column])
    const cached = this.shapes.get(key)
    if (cached && !options.refresh) return cached
    const connection = this.connectionOf(connectionId)
    await this.table(connection, object, column)
    const size = options.sampleSize ?? defaultSampleSize
    const shape = await shapeOf(connection, dialects[connection.dialect], object, column, size)
    this.shapes.set(key, shape)
    return shape
  }

  /** Drops what was learned about a connection's tables when it closes. */
  forget(connectionId: string): void {
    for (const key of this.shapes.keys())
      if ((JSON.parse(key) as string[])[0] === connectionId) this.shapes.delete(key)
  }

  async filter(connectionId: string, object: ObjectRef, column: string, where: string) {
    const connection = this.connectionOf(connectionId)
    assertTrustedLiterals(connection)
    // No filter yet shows every row, as a table does before it is filtered.
    const lookups = where.trim() ? parseLookups(where) : []
    const target = await this.target(connection, object, column)
    return {
      sql: filterStatement(dialects[connection.dialect], target, lookups),
      lookups: lookups.map(formatLookup),
    }
  }

  async advise(
    connectionId: string,
    object: ObjectRef,
    column: string,
    where: string,
  ): Promise<IndexAdvice[]> {
    const connection = this.connectionOf(connectionId)
    const dialect = dialects[connection.dialect]
    const lookups = parseLookups(where)
    const table = await this.table(connection, object, column)
    const target = filterTarget(connection, object, column, table)
    const advice: IndexAdvice[] = []
    for (const lookup of lookups) {
      const plan = dialect.json.indexFor(
        {
          // CREATE INDEX names the table as DDL does (SQLite puts a schema on the index, not the table).
          table: qualifiedName(connection.dialect, object.schema, object.name),
          tableName: object.name,
          column,
          serverVersion: connection.serverVersion,
        },
        lookup,
      )
      if (plan === null) continue
      const sql = filterStatement(dialect, target, lookups, plan.servedBy)
      const exists = table.indexes.some((index) => index.name === plan.indexName)
      const run = (statement: string) => collectRows(connection, statement)
      const used = exists
        ? mentions(await dialect.explainPlan(run, sql, false), plan.indexName)
        : null
      advice.push({ lookup: formatLookup(lookup), ...plan, sql, exists, used })
    }
    return advice
  }

  async stageEdit(
    connectionId: string,
    object: ObjectRef,
    column: string,
    key: Record<string, Cell>,
    text: string,
  ): Promise<string> {
    try {
      JSON.parse(text)
    } catch (error) {
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `The new value of ${column} is not JSON: ${(error as Error).message}`,
      })
    }
    const connection = this.connectionOf(connectionId)
    assertTrustedLiterals(connection)
    const dialect = dialects[connection.dialect]
    const table = await this.table(connection, object, column)
    const keyColumns = table.primaryKey?.columns ?? []
    if (keyColumns.length === 0 || keyColumns.some((name) => !(name in key)))
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `${object.name} has no primary key in this result, so Sluice cannot tell which row to change`,
      })
    const where = keyColumns
      .map(
        (name) =>
          `${dialect.quoteIdentifier(name)} = ${keyLiteral(dialect.quoteLiteral, key[name]!)}`,
      )
      .join(' AND ')
    return `UPDATE ${exactName(dialect.name, object.schema, object.name)} SET ${dialect.quoteIdentifier(column)} = ${dialect.quoteLiteral(text.trim())} WHERE ${where}`
  }

  private async target(connection: DialectConnection, object: ObjectRef, column: string) {
    return filterTarget(connection, object, column, await this.table(connection, object, column))
  }

  private async table(connection: DialectConnection, object: ObjectRef, column: string) {
    const schema = await connection.introspect(object)
    const table = schema.namespaces.flatMap((n) => n.tables).find((t) => t.name === object.name)
    if (table === undefined)
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: `No table "${object.name}" in "${object.schema}"`,
      })
    if (!table.columns.some((c) => c.name === column))
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: `No column "${column}" in table "${object.name}"`,
      })
    return table
  }
}

function filterTarget(
  connection: DialectConnection,
  object: ObjectRef,
  column: string,
  table: Table,
): FilterTarget {
  return {
    table: exactName(connection.dialect, object.schema, object.name),
    column,
    orderBy: table.primaryKey?.columns ?? [],
  }
}

function keyLiteral(quote: (value: string) => string, cell: Cell): string {
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'string') return quote(cell)
  throw new SluiceError({
    code: 'BAD_REQUEST',
    message: 'Only number and text keys can name a row to edit',
  })
}

/** True when a plan step names the index, in its label or its details. */
function mentions(plan: PlanNode, indexName: string): boolean {
  return (
    plan.label.includes(indexName) ||
    plan.details.some((line) => line.includes(indexName)) ||
    plan.children.some((child) => mentions(child, indexName))
  )
}

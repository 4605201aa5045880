import type { ObjectRef } from '../../shared/contract'
import type { JsonColumn } from '../../shared/json/jsonColumn'
import type { Column, Table } from '../../shared/schema/model'
import type { Dialect, DialectConnection } from '../dialects/types'
import { invalidJson } from './inferShape'
import { rowEstimate, sampleColumn } from './sampleColumn'

/** Values a text column's heuristic reads: enough to see a pattern, cheap on any table. */
const heuristicSample = 100

/**
 * The JSON columns of a table: by type (PostgreSQL json/jsonb, MySQL JSON,
 * SQLite columns declared JSON), by a `json_valid` check (MariaDB's JSON, or
 * SQLite's), or, for SQLite text, because every sampled value is a JSON
 * object or array (a heuristic, said so).
 */
export async function jsonColumns(
  connection: DialectConnection,
  dialect: Dialect,
  ref: ObjectRef,
): Promise<JsonColumn[]> {
  const schema = await connection.introspect(ref)
  const table = schema.namespaces.flatMap((n) => n.tables).find((t) => t.name === ref.name)
  if (table === undefined) return []
  const found: JsonColumn[] = []
  // Read once, and only if a text column needs the heuristic.
  let estimate: Promise<number | null> | undefined
  for (const column of table.columns) {
    const how = declared(column, table, dialect, connection.serverVersion)
    if (how) found.push({ name: column.name, type: column.type, how })
    else if (dialect.name === 'sqlite' && column.normalizedType === 'text') {
      estimate ??= rowEstimate(connection, ref)
      const { values } = await sampleColumn(
        connection,
        dialect,
        ref,
        column.name,
        heuristicSample,
        await estimate,
      )
      const present = values.filter((value) => value !== undefined)
      if (present.length > 0 && present.every(isContainer))
        found.push({ name: column.name, type: column.type, how: 'sampled' })
    }
  }
  return found
}

function declared(
  column: Column,
  table: Table,
  dialect: Dialect,
  serverVersion: string,
): JsonColumn['how'] | null {
  if (column.normalizedType === 'json')
    return dialect.name === 'mysql' && /mariadb/i.test(serverVersion) ? 'check' : 'type'
  if (/json/i.test(column.type)) return 'type'
  const validated = table.checks.some((check) =>
    check.expression
      .toLowerCase()
      .replace(/[\s"`]/g, '')
      .includes(`json_valid(${column.name.toLowerCase()})`),
  )
  return validated ? 'check' : null
}

function isContainer(value: unknown): boolean {
  return value !== invalidJson && typeof value === 'object' && value !== null
}

import { SluiceError } from '../../shared/errors'
import { assertTrustedLiterals } from '../dialects/trustedLiterals'
import type { ObjectRef } from '../../shared/objectRef'
import type { TableQuery, TableQueryInput } from '../../shared/tableContract'
import { dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { compileTableQuery, type BrowsedTable } from './tableQuery'

/** The table tab's engine side: a page's SQL for the connection's dialect, from one catalog read. */
export class TableQueries {
  constructor(private readonly connectionOf: (connectionId: string) => DialectConnection) {}

  /** See `compileTableQuery`; NOT_FOUND when the table or view does not exist. */
  async query(input: TableQueryInput): Promise<TableQuery> {
    const connection = this.connectionOf(input.connectionId)
    assertTrustedLiterals(connection)
    const table = await browsedTable(connection, input.object)
    return compileTableQuery(dialects[connection.dialect], table, input)
  }
}

/**
 * What paging needs to know of the table or view, from one catalog read. A
 * view has no key and its column types are not read, so it is paged by offset.
 */
export async function browsedTable(
  connection: DialectConnection,
  ref: ObjectRef,
): Promise<BrowsedTable> {
  const schema = await connection.introspect(ref)
  const namespaces = schema.namespaces
  const table = namespaces.flatMap((n) => n.tables).find((t) => t.name === ref.name)
  if (table !== undefined)
    return { ref, columns: table.columns, primaryKey: table.primaryKey?.columns ?? [] }
  const view = namespaces.flatMap((n) => n.views).find((v) => v.name === ref.name)
  if (view !== undefined)
    return {
      ref,
      columns: view.columns.map((name) => ({
        name,
        type: '',
        normalizedType: 'other' as const,
        nullable: true,
      })),
      primaryKey: [],
    }
  throw new SluiceError({
    code: 'NOT_FOUND',
    message: `No table or view "${ref.name}" in "${ref.schema}"; it may have been dropped`,
  })
}

import type { ObjectRef } from '../../../shared/contract'
import type { SluiceClient } from '../../../shared/transport'

type Columns = { name: string; type: string }[]

/**
 * Columns for completion, described once per table and kept until the schema
 * changes. A read that fails (the connection is busy running a query) is not
 * kept, so the next completion tries again.
 */
export class ColumnCatalog {
  private readonly cache = new Map<string, Promise<Columns>>()

  constructor(
    private readonly client: SluiceClient,
    private readonly connectionId: string,
  ) {}

  columns(object: ObjectRef): Promise<Columns> {
    const key = JSON.stringify([object.schema, object.name])
    let found = this.cache.get(key)
    if (!found) {
      found = this.client
        .call('schema.describe', {
          connectionId: this.connectionId,
          object: { schema: object.schema, name: object.name },
        })
        .then(({ model }) => {
          const ns = model.namespaces[0]
          const table = ns?.tables[0]
          if (table) return table.columns.map((c) => ({ name: c.name, type: c.type }))
          // A view's model names its columns without types.
          return (ns?.views[0]?.columns ?? []).map((name) => ({ name, type: 'view column' }))
        })
        .catch(() => {
          this.cache.delete(key)
          return []
        })
      this.cache.set(key, found)
    }
    return found
  }

  clear(): void {
    this.cache.clear()
  }
}

import type { ObjectRef, SchemaObjects } from '../../../shared/contract'
import { toErrorData } from '../../../shared/errors'
import type { OtherObject } from '../../../shared/schemaContract'
import type { SluiceClient } from '../../../shared/transport'
import { Store } from '../workspace/Store'
import { objectKey, type Details } from './treeRows'

export interface SchemaState {
  /** Every table and view name; null until the first read. */
  schema: SchemaObjects | null
  error: string | null
  details: ReadonlyMap<string, Details>
  /** Sequences, types, routines, triggers, events: read after the names, null until then. */
  others: readonly OtherObject[] | null
  /** Why they could not be read; the tables still show. */
  othersError: string | null
  /** Bumped on every refresh, so views that cache what they read know to read again. */
  generation: number
}

const messageOf = (error: unknown) => toErrorData(error).message

/**
 * A connection's schema as the tree needs it: every name at once, a table's
 * details only when someone opens it, and everything read again after DDL
 * from any tab or a migration.
 */
export class SchemaStore extends Store<SchemaState> {
  private connectionId: string | null = null

  constructor(private readonly client: SluiceClient) {
    super({
      schema: null,
      error: null,
      details: new Map(),
      others: null,
      othersError: null,
      generation: 0,
    })
  }

  /** Points the store at a (re)opened connection and reads its names. */
  attach(connectionId: string | null): void {
    this.connectionId = connectionId
    this.update({ schema: null, error: null, details: new Map(), others: null, othersError: null })
    if (connectionId) void this.loadNames(connectionId).then(() => this.loadOthers(connectionId))
  }

  /** Loads one object's details unless they are loaded or loading; a failed read is tried again. */
  describe(object: ObjectRef): void {
    const id = this.connectionId
    if (!id || (this.state.details.get(objectKey(object))?.state ?? 'error') !== 'error') return
    this.put(object, { state: 'loading' })
    void this.fetchDetails(id, object)
  }

  /** Reads names again and re-describes every object already described. */
  refresh(): void {
    const id = this.connectionId
    if (!id) return
    void (async () => {
      this.update({ generation: this.state.generation + 1 })
      const names = await this.loadNames(id)
      if (!names || id !== this.connectionId) return
      // Objects the DDL dropped are forgotten rather than asked for again.
      const described = names.objects.filter((o) => this.state.details.has(objectKey(o)))
      this.update({
        details: new Map(
          described.map((o) => [objectKey(o), this.state.details.get(objectKey(o))!]),
        ),
      })
      await this.loadOthers(id)
      for (const object of described) await this.fetchDetails(id, object)
    })()
  }

  private async loadNames(id: string): Promise<SchemaObjects | null> {
    this.update({ error: null })
    try {
      const names = await this.client.call('schema.objects', { connectionId: id })
      if (id === this.connectionId) this.update({ schema: names })
      return names
    } catch (failure) {
      if (id === this.connectionId) this.update({ error: messageOf(failure) })
      return null
    }
  }

  private async loadOthers(id: string): Promise<void> {
    try {
      const { objects } = await this.client.call('schema.others', { connectionId: id })
      if (id === this.connectionId) this.update({ others: objects, othersError: null })
    } catch (failure) {
      if (id === this.connectionId) this.update({ othersError: messageOf(failure) })
    }
  }

  private async fetchDetails(id: string, object: ObjectRef): Promise<void> {
    try {
      const { model, ddl } = await this.client.call('schema.describe', {
        connectionId: id,
        object: { schema: object.schema, name: object.name },
      })
      const ns = model.namespaces[0]
      if (id === this.connectionId)
        this.put(object, {
          state: 'ready',
          table: ns?.tables[0] ?? null,
          view: ns?.views[0] ?? null,
          ddl,
        })
    } catch (failure) {
      if (id === this.connectionId)
        this.put(object, { state: 'error', message: messageOf(failure) })
    }
  }

  private put(object: ObjectRef, value: Details): void {
    this.update({ details: new Map(this.state.details).set(objectKey(object), value) })
  }
}

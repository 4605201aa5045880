import { useCallback, useEffect, useRef, useState } from 'react'
import type { ObjectRef, SchemaObjects } from '../../../shared/contract'
import { toErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'
import { objectKey, type Details } from './treeRows'

export interface SchemaState {
  schema: SchemaObjects | null
  error: string | null
  details: ReadonlyMap<string, Details>
  /** Loads one object's details unless they are loaded or loading. */
  describe(object: ObjectRef): void
  /** Reads names again and re-describes every object already described (after DDL, say). */
  refresh(): void
}

const messageOf = (error: unknown) => toErrorData(error).message

/**
 * The connection's schema as the browser needs it: every name at once, the
 * details of a table only when someone opens it.
 */
export function useSchema(client: SluiceClient, connectionId: string | null): SchemaState {
  const [schema, setSchema] = useState<SchemaObjects | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [details, setDetails] = useState<ReadonlyMap<string, Details>>(new Map())
  const known = useRef(details)
  known.current = details

  const fetchDetails = useCallback(
    async (id: string, object: ObjectRef) => {
      const key = objectKey(object)
      const put = (value: Details) => setDetails((previous) => new Map(previous).set(key, value))
      try {
        const { model, ddl } = await client.call('schema.describe', {
          connectionId: id,
          object: { schema: object.schema, name: object.name },
        })
        const ns = model.namespaces[0]
        put({ state: 'ready', table: ns?.tables[0] ?? null, view: ns?.views[0] ?? null, ddl })
      } catch (failure) {
        put({ state: 'error', message: messageOf(failure) })
      }
    },
    [client],
  )

  const loadNames = useCallback(
    async (id: string): Promise<SchemaObjects | null> => {
      setError(null)
      try {
        const names = await client.call('schema.objects', { connectionId: id })
        setSchema(names)
        return names
      } catch (failure) {
        setError(messageOf(failure))
        return null
      }
    },
    [client],
  )

  useEffect(() => {
    setSchema(null)
    setDetails(new Map())
    if (connectionId) void loadNames(connectionId)
  }, [connectionId, loadNames])

  const describe = useCallback(
    (object: ObjectRef) => {
      // A failed read (the connection was busy, say) is tried again on the next expand.
      if (!connectionId || (known.current.get(objectKey(object))?.state ?? 'error') !== 'error')
        return
      setDetails((previous) => new Map(previous).set(objectKey(object), { state: 'loading' }))
      void fetchDetails(connectionId, object)
    },
    [connectionId, fetchDetails],
  )

  const refresh = useCallback(() => {
    if (!connectionId) return
    void (async () => {
      const names = await loadNames(connectionId)
      if (!names) return
      // Objects the DDL dropped are forgotten rather than asked for again.
      const described = names.objects.filter((o) => known.current.has(objectKey(o)))
      setDetails(
        (previous) =>
          new Map(
            described.flatMap((o) => {
              const value = previous.get(objectKey(o))
              return value ? [[objectKey(o), value] as const] : []
            }),
          ),
      )
      for (const object of described) await fetchDetails(connectionId, object)
    })()
  }, [connectionId, fetchDetails, loadNames])

  return { schema, error, details, describe, refresh }
}

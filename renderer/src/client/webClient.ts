import type { SluiceEvent } from '../../../shared/contract'
import { SluiceError, type SluiceErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'

/**
 * Web mode: one WebSocket to the server that served this page. The session
 * cookie set when the tokened URL was opened authenticates it.
 */
export function webClient(location: Location): SluiceClient {
  const listeners = new Set<(event: SluiceEvent) => void>()
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  const socket = new WebSocket(
    `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
  )
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve())
    socket.addEventListener('error', () =>
      reject(
        new SluiceError({
          code: 'UNREACHABLE',
          message: 'Cannot reach the Sluice server: reopen the URL `sluice serve` printed',
        }),
      ),
    )
  })
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as {
      event?: SluiceEvent
      id?: number
      ok?: boolean
      result?: unknown
      error?: SluiceErrorData
    }
    if (data.event) {
      for (const listener of listeners) listener(data.event)
      return
    }
    const waiter = pending.get(Number(data.id))
    if (!waiter) return
    pending.delete(Number(data.id))
    if (data.ok) waiter.resolve(data.result)
    else
      waiter.reject(
        new SluiceError(
          data.error ?? { code: 'INTERNAL', message: 'The server sent an empty error' },
        ),
      )
  })
  socket.addEventListener('close', () => {
    const lost = new SluiceError({
      code: 'UNREACHABLE',
      message: 'The connection to the Sluice server closed: is `sluice serve` still running?',
    })
    for (const waiter of pending.values()) waiter.reject(lost)
    pending.clear()
  })

  return {
    call: async (method, input) => {
      await opened
      const id = nextId++
      const result = new Promise((resolve, reject) => pending.set(id, { resolve, reject }))
      socket.send(JSON.stringify({ id, method, input }))
      return (await result) as never
    },
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

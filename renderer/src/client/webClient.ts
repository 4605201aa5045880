import type { SluiceEvent } from '../../../shared/contract'
import { SluiceError } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'
import { decodeFrame } from '../../../shared/webFrames'

/** Where the page was served from; the socket goes back to the same host. */
export interface ServerLocation {
  protocol: string
  host: string
}

/**
 * Web mode: one WebSocket to the server that served this page. The session
 * cookie set when the tokened URL was opened authenticates it.
 */
export function webClient(
  location: ServerLocation,
  openSocket: (url: string) => WebSocket = (url) => new WebSocket(url),
): SluiceClient {
  const listeners = new Set<(event: SluiceEvent) => void>()
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  const socket = openSocket(
    `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
  )
  socket.binaryType = 'arraybuffer'
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
    const frame = decodeFrame(message.data as string | ArrayBuffer)
    if ('event' in frame) {
      for (const listener of listeners) listener(frame.event)
      return
    }
    const waiter = pending.get(Number(frame.id))
    if (!waiter) return
    pending.delete(Number(frame.id))
    if (frame.ok) waiter.resolve(frame.result)
    else
      waiter.reject(
        new SluiceError(
          frame.error ?? { code: 'INTERNAL', message: 'The server sent an empty error' },
        ),
      )
  })
  const lost = new SluiceError({
    code: 'UNREACHABLE',
    message:
      'The connection to the Sluice server closed: is Sluice (npm start or sluice serve) still running? Start it again and open the URL it prints.',
  })
  let closed = false
  socket.addEventListener('close', () => {
    closed = true
    for (const waiter of pending.values()) waiter.reject(lost)
    pending.clear()
  })

  return {
    call: async (method, input) => {
      await opened
      // A closed socket drops what is sent on it without a word, so the call would wait for ever.
      if (closed || socket.readyState !== socket.OPEN) throw lost
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

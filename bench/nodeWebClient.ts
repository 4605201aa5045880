import { WebSocket } from 'ws'
import type { SluiceClient } from '../shared/transport'
import { webClient } from '../renderer/src/client/webClient'

/**
 * The renderer's own web client, run in Node over the `ws` package, sending
 * the cookie and origin a page served by `sluice serve` would send.
 */
export function nodeWebClient(port: number, token: string): SluiceClient & { close(): void } {
  let socket: WebSocket | undefined
  const client = webClient({ protocol: 'http:', host: `127.0.0.1:${port}` }, (url) => {
    socket = new WebSocket(url, {
      headers: { cookie: `sluice_token_${port}=${token}`, origin: `http://127.0.0.1:${port}` },
    })
    return socket as unknown as globalThis.WebSocket
  })
  return { ...client, close: () => socket?.close() }
}

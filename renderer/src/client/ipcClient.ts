import type { SluiceEvent } from '../../../shared/contract'
import { SluiceError, type SluiceErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'

/** What the preload exposes on `window.sluiceBridge` in the desktop app. */
export interface SluiceBridge {
  invoke(method: string, input: unknown): Promise<unknown>
  onEvent(listener: (event: unknown) => void): () => void
}

type Reply = { ok: true; result: unknown } | { ok: false; error: SluiceErrorData }

export function ipcClient(bridge: SluiceBridge): SluiceClient {
  return {
    call: async (method, input) => {
      const reply = (await bridge.invoke(method, input)) as Reply
      if (!reply.ok) throw new SluiceError(reply.error)
      return reply.result as never
    },
    onEvent: (listener) => bridge.onEvent((event) => listener(event as SluiceEvent)),
  }
}

import { SluiceError } from '../../shared/errors'
import type { SluiceEvent } from '../../shared/contract'
import type { SluiceClient } from '../../shared/transport'
import type { CallContext, SluiceService } from '../service/SluiceService'

/**
 * The renderer's view of the engine, in-process: each call goes through
 * `dispatch` (validation and all) as the transports do, and events come back
 * to this client's own context. Lets renderer stores be tested against the
 * real engine and real databases, without a browser.
 */
export function engineClient(service: SluiceService): SluiceClient & { context: CallContext } {
  const listeners = new Set<(event: SluiceEvent) => void>()
  const context: CallContext = {
    emit: (event) => {
      for (const listener of [...listeners]) listener(event)
    },
  }
  return {
    context,
    call: async (method, input) => {
      const result = await service.dispatch(method, input, context)
      if (!result.ok) throw new SluiceError(result.error)
      return result.result as never
    },
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

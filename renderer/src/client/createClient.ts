import type { SluiceClient } from '../../../shared/transport'
import { ipcClient, type SluiceBridge } from './ipcClient'
import { webClient } from './webClient'

declare global {
  interface Window {
    sluiceBridge?: SluiceBridge
  }
}

/** The desktop app's preload provides a bridge; without one, this page was served by `sluice serve`. */
export function createClient(): SluiceClient {
  return window.sluiceBridge ? ipcClient(window.sluiceBridge) : webClient(window.location)
}

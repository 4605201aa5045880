import type { MethodInput, MethodName, MethodOutput, SluiceEvent } from './contract'

/**
 * What the renderer sees of the engine. Electron IPC and web mode each
 * implement it; nothing above this interface knows which one it has.
 */
export interface SluiceClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  onEvent(listener: (event: SluiceEvent) => void): () => void
}

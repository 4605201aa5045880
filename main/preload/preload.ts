import { contextBridge, ipcRenderer } from 'electron'
import { ipcChannels, type MethodName } from '../../shared/contract'

/**
 * The only door from the sandboxed page to the engine: invoke a contract
 * method, or listen for events. No Node or Electron object crosses it.
 */
contextBridge.exposeInMainWorld('sluiceBridge', {
  invoke: (method: MethodName, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(ipcChannels.call(method), input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(ipcChannels.event, handler)
    return () => ipcRenderer.removeListener(ipcChannels.event, handler)
  },
})

import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { ipcChannels, methodNames } from '../../shared/contract'
import type { CallContext, SluiceService } from '../service/SluiceService'

/**
 * Electron transport: one `ipcMain.handle` per contract method. A call is
 * served only when it comes from the main frame of a window Sluice made and
 * from the page Sluice loaded, so a frame that navigated elsewhere, or an
 * embedded one, is refused.
 */
export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle'>
  service: SluiceService
  /** True for the exact URL of the app's own page. */
  isAppUrl(url: string): boolean
}

export function registerIpcBridge({ ipcMain, service, isAppUrl }: IpcBridgeOptions): void {
  const contexts = new WeakMap<WebContents, CallContext>()
  const contextFor = (sender: WebContents): CallContext => {
    let context = contexts.get(sender)
    if (!context) {
      const created: CallContext = {
        emit: (event) => {
          if (!sender.isDestroyed()) sender.send(ipcChannels.event, event)
        },
      }
      sender.once('destroyed', () => void service.release(created))
      contexts.set(sender, created)
      context = created
    }
    return context
  }

  for (const method of methodNames) {
    ipcMain.handle(ipcChannels.call(method), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, isAppUrl)) {
        return {
          ok: false,
          error: {
            code: 'BAD_REQUEST',
            message: 'Refused: the call did not come from the Sluice window',
          },
        }
      }
      return service.dispatch(method, input, contextFor(event.sender))
    })
  }
}

export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  if (frame !== event.sender.mainFrame) return false
  return isAppUrl(frame.url)
}

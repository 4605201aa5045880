import { spawn } from 'node:child_process'
import { defaultDataDir, rendererDir, resourcesDir } from '../appPaths'
import { ensureDemoDatabase } from '../demo/demoDatabase'
import { SluiceService } from '../service/SluiceService'
import { startWebServer, type WebServer } from '../transport/webServer'
import { version } from './version'

/**
 * The port `sluice serve` and web mode take unless told otherwise: the same
 * one every time, because a browser keeps a page's storage (the workspace:
 * its connections, tabs and unsaved text) per origin, port included, so a
 * restarted server finds its workspace again. Taken, any free port serves.
 */
export const defaultWebPort = 4733

export interface ServeOptions {
  port?: number
  open: boolean
  /** Printed before the URL, e.g. why web mode was chosen over the desktop app. */
  banner?: string
}

/** `sluice serve`: the UI for a browser, on 127.0.0.1, opened on the demo database. */
export async function serveCommand(
  options: ServeOptions,
  log: (line: string) => void,
): Promise<WebServer> {
  const dataDir = defaultDataDir()
  const startUrl = await ensureDemoDatabase(dataDir, resourcesDir())
  const service = new SluiceService({ version, startUrl, dataDir })
  const server = await startWebServer({
    service,
    staticDir: rendererDir(),
    port: options.port ?? defaultWebPort,
    anyPortIfTaken: options.port === undefined,
  })
  log(`${options.banner ?? 'Sluice is serving'} at ${server.url}`)
  if (options.port === undefined && server.port !== defaultWebPort)
    log(
      `(port ${defaultWebPort} is taken, perhaps by another Sluice: this address keeps a workspace of its own)`,
    )
  if (options.open) openBrowser(server.url)
  const stop = () => {
    void server
      .close()
      .then(() => service.close())
      .finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return server
}

function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return
  const child = spawn(command, [url], { stdio: 'ignore', detached: true })
  child.on('error', () => undefined)
  child.unref()
}

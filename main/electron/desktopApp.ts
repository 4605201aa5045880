import { app, BrowserWindow, ipcMain, session, type WebContents } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { rendererDir, resourcesDir } from '../appPaths'
import { ensureDemoDatabase } from '../demo/demoDatabase'
import { SluiceService } from '../service/SluiceService'
import { contentSecurityPolicy } from '../transport/contentSecurityPolicy'
import { registerIpcBridge } from '../transport/ipcBridge'
import { loadWindowState, saveWindowState } from './windowState'

/** The desktop shell: one sandboxed window on the engine, opened on the demo database. */
export async function startDesktopApp(): Promise<BrowserWindow> {
  app.enableSandbox()
  // Lets tests and portable installs keep Sluice's files somewhere of their choosing.
  if (process.env.SLUICE_USER_DATA) app.setPath('userData', process.env.SLUICE_USER_DATA)
  await app.whenReady()

  const dataDir = app.getPath('userData')
  // Without the demo the app still opens, on the connection dialog; say why rather than hide it.
  const startUrl = await ensureDemoDatabase(dataDir, resourcesDir()).catch((error: unknown) => {
    console.error(
      `Sluice could not build its demo database: ${error instanceof Error ? error.message : String(error)}`,
    )
    return null
  })
  const service = new SluiceService({ version: app.getVersion(), startUrl, dataDir })
  const pageUrl =
    process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(rendererDir(), 'index.html')).href
  const isAppUrl = (url: string) => stripHash(url) === stripHash(pageUrl)

  registerIpcBridge({ ipcMain, service, isAppUrl })
  app.on('web-contents-created', (_event, contents) => lockDown(contents, isAppUrl))
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )

  const state = loadWindowState(dataDir)
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    title: 'Sluice',
    show: false,
    webPreferences: {
      preload: join(dirname(fileURLToPath(import.meta.url)), '..', 'preload', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  })
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    saveWindowState(dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() })
  })
  app.on('window-all-closed', () => {
    void service.close().finally(() => app.quit())
  })
  await window.loadURL(pageUrl)
  return window
}

/** Every web contents stays on the app page: no navigation, no new windows, no webviews. */
export function lockDown(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

function stripHash(url: string): string {
  return url.replace(/[?#].*$/, '')
}

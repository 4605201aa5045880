import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ipcChannels, methodNames } from '../../shared/contract'

/**
 * A stand-in for the `electron` module: just enough of app, BrowserWindow,
 * ipcMain and session to run the real desktop entry without the binary.
 */
const fake = vi.hoisted(() => {
  const handlers = new Map<string, ((event: unknown, input: unknown) => Promise<unknown>)[]>()
  const appEvents = new Map<string, ((...args: unknown[]) => void)[]>()
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = []
  const userData = { dir: '' }
  class BrowserWindow {
    loaded: string[] = []
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this)
    }
    maximize() {}
    once() {}
    on() {}
    getNormalBounds() {
      return { x: 0, y: 0, width: 800, height: 600 }
    }
    isMaximized() {
      return false
    }
    async loadURL(url: string) {
      this.loaded.push(url)
    }
  }
  return {
    handlers,
    appEvents,
    windows,
    userData,
    module: {
      app: {
        enableSandbox: () => undefined,
        whenReady: async () => undefined,
        getPath: () => userData.dir,
        setPath: () => undefined,
        getVersion: () => '0.0.0-test',
        on: (name: string, listener: (...args: unknown[]) => void) =>
          appEvents.set(name, [...(appEvents.get(name) ?? []), listener]),
        quit: () => undefined,
        exit: () => undefined,
      },
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) =>
          handlers.set(channel, [...(handlers.get(channel) ?? []), handler]),
      },
      session: {
        defaultSession: {
          webRequest: { onHeadersReceived: () => undefined },
          setPermissionRequestHandler: () => undefined,
        },
      },
    },
  }
})

vi.mock('electron', () => ({ ...fake.module, default: fake.module }))

const { startDesktopApp } = await import('./desktopApp')

function fakeContents(url: string) {
  const contents = new EventEmitter() as EventEmitter & {
    mainFrame: { url: string }
    isDestroyed(): boolean
    send(): void
  }
  contents.mainFrame = { url }
  contents.isDestroyed = () => false
  contents.send = () => undefined
  return contents
}

describe('desktop shell', () => {
  let pageUrl = ''

  beforeAll(async () => {
    fake.userData.dir = mkdtempSync(join(tmpdir(), 'sluice-shell-'))
    await startDesktopApp()
    pageUrl = fake.windows[0]!.loaded[0]!
  })

  afterAll(() => rmSync(fake.userData.dir, { recursive: true, force: true }))

  it('creates one sandboxed, isolated window without Node in the page', () => {
    expect(fake.windows).toHaveLength(1)
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    })
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/)
  })

  it('registers exactly one IPC handler per contract method, and no others', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(methodNames.map(ipcChannels.call).sort())
    for (const list of fake.handlers.values()) expect(list).toHaveLength(1)
  })

  it('answers the app page and refuses a foreign URL or an embedded frame', async () => {
    const handler = fake.handlers.get(ipcChannels.call('app.info'))![0]!
    const own = fakeContents(pageUrl)
    expect(await handler({ sender: own, senderFrame: own.mainFrame }, {})).toMatchObject({
      ok: true,
    })

    const navigated = fakeContents('https://evil.example/')
    expect(
      await handler({ sender: navigated, senderFrame: navigated.mainFrame }, {}),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })

    const embedded = { url: pageUrl }
    expect(await handler({ sender: own, senderFrame: embedded }, {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
    expect(await handler({ sender: own, senderFrame: null }, {})).toMatchObject({ ok: false })
  })

  it('denies navigation away, redirects, webviews and new windows', () => {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | (() => unknown),
    })
    const withOpen = Object.assign(contents, {
      setWindowOpenHandler: (h: () => unknown) => (contents.openHandler = h),
    })
    for (const listener of fake.appEvents.get('web-contents-created') ?? []) listener({}, withOpen)

    const prevented = (name: string, ...args: unknown[]) => {
      const event = { preventDefault: vi.fn() }
      contents.emit(name, event, ...args)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true)
    expect(prevented('will-navigate', pageUrl)).toBe(false)
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true)
    expect(prevented('will-attach-webview')).toBe(true)
    expect(contents.openHandler?.()).toEqual({ action: 'deny' })
  })
})

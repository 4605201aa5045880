import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { SluiceEvent } from '../../shared/contract'
import { encodeReply } from '../../shared/webFrames'
import type { CallContext, SluiceService } from '../service/SluiceService'
import { checkRequest, queryToken, tokenCookie, type WebAccess } from './webAccess'
import { serveStatic } from './staticFiles'
import { isPageRequest, sendTokenRequiredPage } from './tokenRequiredPage'

export interface WebServerOptions {
  service: SluiceService
  staticDir: string
  /** 0 or absent: any free port. */
  port?: number
  /** When `port` is taken, listen on any free port rather than fail. */
  anyPortIfTaken?: boolean
  token?: string
}

export interface WebServer {
  /** The address to open, token included. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/** A call from the page: `{ id, method, input }`; answers and events are the frames of shared/webFrames. */
interface CallMessage {
  id: number
  method: string
  input: unknown
}

const maxMessageBytes = 64 * 1024 * 1024

/**
 * Answers whether this page's session is still good: 200 `{"ok":true}`, or
 * the refusal's status with `{"ok":false,"error":…}`. The page asks on start,
 * to tell a server that refused its token (restarted) from one that is gone
 * (the request fails).
 */
const sessionPath = '/session'

/**
 * Web mode: the renderer over HTTP (static files) and one WebSocket per page
 * (calls, results and events). It listens on 127.0.0.1 only.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const access: WebAccess = { token, port: 0 }
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes })

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const reading = req.method === 'GET' || req.method === 'HEAD'
    const verdict = checkRequest(req, access, false)
    if (!verdict.ok) {
      if (url.pathname === sessionPath)
        sendJson(res, verdict.status, { ok: false, error: verdict.reason })
      else if (verdict.status === 401 && reading && isPageRequest(req, url.pathname))
        sendTokenRequiredPage(req, res)
      else
        res
          .writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' })
          .end(verdict.reason)
      return
    }
    if (!reading) {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('Method not allowed')
      return
    }
    if (url.pathname === sessionPath) {
      sendJson(res, 200, { ok: true })
      return
    }
    if (queryToken(req)) {
      // Trade the token in the URL for a cookie, so it leaves the address bar and every asset request carries it.
      res
        .writeHead(303, {
          'set-cookie': `${tokenCookie(access.port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          location: url.pathname,
        })
        .end()
      return
    }
    serveStatic(options.staticDir, url.pathname, res)
  })

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const verdict = checkRequest(req, access, true)
    if (!verdict.ok || new URL(req.url ?? '/', 'http://x').pathname !== '/ws') {
      const status = verdict.ok ? 404 : verdict.status
      socket.end(
        `HTTP/1.1 ${status} Refused\r\ncontent-type: text/plain\r\n\r\n${verdict.ok ? 'Not found' : verdict.reason}`,
      )
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, options.service))
  })

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  try {
    await listen(options.port ?? 0)
  } catch (error) {
    if (!options.anyPortIfTaken || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
      throw error
    await listen(0)
  }
  const port = (server.address() as AddressInfo).port
  access.port = port

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const ws of sockets.clients) ws.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .end(JSON.stringify(body))
}

function attach(ws: WebSocket, service: SluiceService): void {
  const context: CallContext = {
    emit: (event: SluiceEvent) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }))
    },
  }
  ws.on('message', async (data) => {
    let message: CallMessage
    try {
      message = JSON.parse(String(data)) as CallMessage
    } catch {
      ws.send(
        JSON.stringify({
          id: null,
          ok: false,
          error: { code: 'BAD_REQUEST', message: 'Messages must be JSON' },
        }),
      )
      return
    }
    const result = await service.dispatch(String(message?.method), message?.input, context)
    if (ws.readyState === ws.OPEN) ws.send(encodeReply(message?.id ?? null, result))
  })
  ws.on('close', () => void service.release(context))
}

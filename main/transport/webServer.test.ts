import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDataDir } from '../testing/testDataDir'
import { WebSocket } from 'ws'
import { SluiceService } from '../service/SluiceService'
import { decodeFrame, type ServerFrame } from '../../shared/webFrames'
import { startWebServer, type WebServer } from './webServer'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a socket and resolves with the first reply to an app.info call, or the refusal. */
function socketCall(port: number, headers: Record<string, string>, path = '/ws'): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers })
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, method: 'app.info', input: {} })))
    ws.on('message', (data) => {
      resolve(String(data))
      ws.close()
    })
    ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`))
    ws.on('error', (error) => resolve(`error ${error.message}`))
  })
}

describe('web mode', () => {
  let server: WebServer
  let dir: string
  let origin: string
  let cookie: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-static-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sluice</title>')
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'assets', 'app.js'), 'export {}')
    server = await startWebServer({
      service: new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() }),
      staticDir: dir,
    })
    origin = `http://127.0.0.1:${server.port}`
    cookie = `sluice_token_${server.port}=${server.token}`
  })

  afterAll(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('listens on loopback with a long random token in its URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/)
  })

  it('takes the port asked for, and any free one when told to and it is taken', async () => {
    const service = new SluiceService({ version: 'test', startUrl: null, dataDir: testDataDir() })
    const again = await startWebServer({
      service,
      staticDir: dir,
      port: server.port,
      anyPortIfTaken: true,
    })
    try {
      expect(again.port).not.toBe(server.port)
      expect(
        (await get(again.port, '/session', { cookie: `sluice_token_${again.port}=${again.token}` }))
          .status,
      ).toBe(200)
      // Cookies are shared between a host's ports: each server reads only the one named for its port.
      expect(
        (
          await get(again.port, '/session', {
            cookie: `sluice_token_${server.port}=${again.token}`,
          })
        ).status,
      ).toBe(401)
      await expect(startWebServer({ service, staticDir: dir, port: server.port })).rejects.toThrow(
        /EADDRINUSE/,
      )
    } finally {
      await again.close()
    }
  })

  /** A refused page says, in a page of its own, which address to open; it never lets the app load. */
  const expectTokenRequiredPage = (answer: Answer) => {
    expect(answer.status).toBe(401)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.body).toContain('<code>sluice serve</code> printed')
    expect(answer.body).not.toContain('Sluice</title>')
    expect(answer.body).not.toContain(server.token)
    expect(answer.body).not.toMatch(/<script/i)
  }

  it('answers a page request without the token with a page that says which address to open', async () => {
    expectTokenRequiredPage(await get(server.port, '/', { host: `127.0.0.1:${server.port}` }))
    expectTokenRequiredPage(await get(server.port, '/index.html'))
    expectTokenRequiredPage(await get(server.port, '/anything', { 'sec-fetch-mode': 'navigate' }))
  })

  it('answers a wrong token, or a cookie from an earlier run, with the same page', async () => {
    expectTokenRequiredPage(
      await get(server.port, '/', { cookie: `sluice_token_${server.port}=guess` }),
    )
    expectTokenRequiredPage(await get(server.port, '/?token=old-run'))
  })

  it('keeps refusing assets without the token in plain words', async () => {
    const answer = await get(server.port, '/assets/app.js')
    expect(answer.status).toBe(401)
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(answer.body).toContain('open the URL that `sluice serve` printed')
  })

  it('lets in the URL this run printed even with a cookie left from an earlier run', async () => {
    const answer = await get(server.port, `/?token=${server.token}`, {
      cookie: `sluice_token_${server.port}=from-the-run-before`,
    })
    expect(answer.status).toBe(303)
    expect(String(answer.headers['set-cookie'])).toContain(
      `sluice_token_${server.port}=${server.token};`,
    )
  })

  it('serves the page again on a reload with the cookie alone, never to be cached', async () => {
    const page = await get(server.port, '/', { cookie })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.body).toContain('Sluice</title>')
  })

  it('tells the page whether its session is good at /session', async () => {
    const good = await get(server.port, '/session', { cookie })
    expect(good.status).toBe(200)
    expect(good.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(good.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(good.body)).toEqual({ ok: true })
    for (const refused of [
      await get(server.port, '/session'),
      await get(server.port, '/session', {
        cookie: `sluice_token_${server.port}=from-the-run-before`,
      }),
    ]) {
      expect(refused.status).toBe(401)
      expect(JSON.parse(refused.body)).toEqual({ ok: false, error: expect.any(String) })
    }
  })

  it('trades the URL token for an HttpOnly cookie, then serves the page', async () => {
    const first = await get(server.port, `/?token=${server.token}`)
    expect(first.status).toBe(303)
    expect(String(first.headers['set-cookie'])).toMatch(
      /sluice_token_\d+=.+HttpOnly; SameSite=Strict/,
    )
    const page = await get(server.port, '/', { cookie })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const answer = await get(server.port, '/', { cookie, host: `evil.example:${server.port}` })
    expect(answer.status).toBe(403)
  })

  it('refuses a request from a foreign Origin even with the token', async () => {
    expect((await get(server.port, '/', { cookie, origin: 'http://evil.example' })).status).toBe(
      403,
    )
  })

  it('does not serve files outside its folder', async () => {
    expect((await get(server.port, '/../../etc/passwd', { cookie })).status).toBe(404)
    expect((await get(server.port, '/%2e%2e/%2e%2e/etc/passwd', { cookie })).status).toBe(404)
  })

  it('serves a window of rows as one binary frame the page decodes unchanged', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { headers: { cookie, origin } })
    const replies: ServerFrame[] = []
    const binary: boolean[] = []
    ws.on('message', (data: Buffer, isBinary) => {
      binary.push(isBinary)
      replies.push(decodeFrame(isBinary ? new Uint8Array(data) : String(data)))
    })
    await new Promise((resolve) => ws.once('open', resolve))
    const waitFor = async (found: (frame: ServerFrame) => boolean) => {
      for (;;) {
        const frame = replies.find(found)
        if (frame) return frame
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    const call = async (id: number, method: string, input: unknown) => {
      ws.send(JSON.stringify({ id, method, input }))
      const reply = await waitFor((frame) => 'id' in frame && frame.id === id)
      return (reply as { result: Record<string, string> }).result
    }
    try {
      const { connectionId } = await call(1, 'connection.open', { url: 'sqlite::memory:' })
      const sql = `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 500) SELECT n, 'quote " tab \t é 🐘 \\ ' || n FROM s`
      await call(2, 'query.run', { connectionId, queryId: 'frames', sql })
      await waitFor((frame) => 'event' in frame && frame.event.type === 'query.done')
      binary.length = 0
      const { rowsJson } = await call(3, 'query.rows', { queryId: 'frames', offset: 0, limit: 500 })
      expect(binary).toEqual([true])
      const rows = JSON.parse(rowsJson!) as [number, string][]
      expect(rows).toHaveLength(500)
      expect(rows[499]).toEqual([500, 'quote " tab \t é 🐘 \\ 500'])
    } finally {
      ws.close()
    }
  })

  it('answers calls on a socket with the token from its own origin', async () => {
    const reply = JSON.parse(await socketCall(server.port, { cookie, origin })) as {
      id: number
      ok: boolean
      result: unknown
    }
    expect(reply).toEqual({
      id: 1,
      ok: true,
      result: { version: 'test', startUrl: null, exportDir: expect.any(String) },
    })
  })

  it('refuses a socket without the token', async () => {
    expect(await socketCall(server.port, { origin })).toBe('refused 401')
  })

  it('refuses a socket from a foreign origin or with no origin', async () => {
    expect(await socketCall(server.port, { cookie, origin: 'http://evil.example' })).toBe(
      'refused 403',
    )
    expect(await socketCall(server.port, { cookie })).toBe('refused 403')
  })

  it('answers a malformed message with an error and keeps the socket', async () => {
    const replies = await new Promise<string[]>((resolve) => {
      const seen: string[] = []
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { headers: { cookie, origin } })
      ws.on('open', () => {
        ws.send('{not json')
        ws.send(JSON.stringify({ id: 2, method: 'connection.open', input: { url: 7 } }))
        ws.send(JSON.stringify({ id: 3, method: 'app.info', input: {} }))
      })
      ws.on('message', (data) => {
        seen.push(String(data))
        if (seen.length === 3) {
          ws.close()
          resolve(seen)
        }
      })
    })
    const parsed = replies.map(
      (r) => JSON.parse(r) as { id: number | null; ok: boolean; error?: { code: string } },
    )
    expect(parsed[0]).toMatchObject({ id: null, ok: false, error: { code: 'BAD_REQUEST' } })
    expect(parsed[1]).toMatchObject({ id: 2, ok: false, error: { code: 'BAD_REQUEST' } })
    expect(parsed[2]).toMatchObject({ id: 3, ok: true })
  })
})

import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Web mode's gate. Every request must carry the session token (cookie, bearer
 * header or `token` query parameter), name this server in its Host header
 * (which defeats DNS rebinding) and, when it has an Origin, come from this
 * server's own origin (which defeats other sites driving it from a browser).
 */
export interface WebAccess {
  token: string
  port: number
}

/**
 * The session cookie's name. Browsers share cookies between the ports of one
 * host, so each server's cookie names its port: two Sluice servers side by
 * side do not overwrite each other's session.
 */
export function tokenCookie(port: number): string {
  return `sluice_token_${port}`
}

export type AccessVerdict = { ok: true } | { ok: false; status: number; reason: string }

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
}

export function checkRequest(
  req: IncomingMessage,
  access: WebAccess,
  requireOrigin: boolean,
): AccessVerdict {
  const host = req.headers.host ?? ''
  if (!allowedOrigins(access.port).some((o) => o === `http://${host}`)) {
    return {
      ok: false,
      status: 403,
      reason: `Host "${host.slice(0, 100)}" is not this Sluice server`,
    }
  }
  const origin = req.headers.origin
  if (origin !== undefined || requireOrigin) {
    if (!origin || !allowedOrigins(access.port).includes(origin)) {
      return {
        ok: false,
        status: 403,
        reason: `Origin "${String(origin).slice(0, 100)}" may not use this Sluice server`,
      }
    }
  }
  if (!presentedTokens(req, access.port).some((presented) => sameToken(presented, access.token))) {
    return {
      ok: false,
      status: 401,
      reason: 'Missing or wrong token: open the URL that `sluice serve` printed',
    }
  }
  return { ok: true }
}

export function queryToken(req: IncomingMessage): string | undefined {
  return new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? undefined
}

/**
 * Every token the request carries; any one that matches lets it in. A cookie
 * left from an earlier run of the server must not shadow the token of the
 * URL this run printed, or opening that URL would be refused.
 */
function presentedTokens(req: IncomingMessage, port: number): string[] {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
  const cookies = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .filter(([name]) => name === tokenCookie(port))
    .map(([, value]) => value ?? '')
  return [bearer, ...cookies, queryToken(req)].filter((token): token is string => !!token)
}

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

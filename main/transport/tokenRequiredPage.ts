import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * What a browser shows when it asks for a page without this run's token:
 * the address was typed without it, or the server was restarted and the
 * page's cookie is from the run before. Self-contained (no script, no
 * asset the browser would be refused too) and never cached, so the app
 * itself loads as soon as the right address is opened.
 */
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sluice: open the address sluice serve printed</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #222; }
code { background: #f2f2f2; padding: 0 0.25rem; }
</style>
</head>
<body>
<h1>Open the address <code>sluice serve</code> printed</h1>
<p>This Sluice server lets in only the browser that opened the address it printed in its terminal, the one that ends in <code>?token=…</code>.</p>
<p>Open that address again. If the server was restarted since, it printed a new one: the old address and this page's earlier session no longer work.</p>
</body>
</html>
`

/** Only the page's own inline style may apply. */
const pagePolicy =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"

/** A request for a page to show, not for an asset or an API: the app's HTML, or a browser navigating. */
export function isPageRequest(req: IncomingMessage, pathname: string): boolean {
  return (
    req.headers['sec-fetch-mode'] === 'navigate' || pathname === '/' || pathname.endsWith('.html')
  )
}

/** Answers 401 with the page that says which address to open; it holds no token. */
export function sendTokenRequiredPage(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(401, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': pagePolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  res.end(req.method === 'HEAD' ? undefined : page)
}

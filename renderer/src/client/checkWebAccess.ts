/**
 * In web mode, asks the server whether this page's session cookie is still
 * good, before anything else: a page opened without its token, or kept from
 * a server that has since restarted, would otherwise sit there "not
 * connected" with nothing said. Returns what to tell the user, or null when
 * the page may go on (always, in the desktop app).
 */
export async function checkWebAccess(): Promise<string | null> {
  if (window.sluiceBridge) return null
  try {
    const answer = await fetch('/session', { credentials: 'same-origin', cache: 'no-store' })
    if (answer.ok) return null
    if (answer.status === 401 || answer.status === 403)
      return 'This page has no valid session: open the URL that `sluice serve` (or `npm start`) printed, the one ending in ?token=…. A token lasts until that server stops.'
    return `The Sluice server answered ${answer.status}: restart it with sluice serve and open the URL it prints.`
  } catch {
    return `Cannot reach the Sluice server at ${window.location.host}: is sluice serve still running? Start it again and open the URL it prints.`
  }
}

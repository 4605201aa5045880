import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serveSluice } from '../main/testing/serveSluice'

/**
 * Starts `sluice serve` on a fresh data folder (so the demo database is built
 * anew) and hands its tokened URL to the tests. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const home = mkdtempSync(join(tmpdir(), 'sluice-e2e-'))
  const server = await serveSluice(home)
  process.env.SLUICE_E2E_URL = server.url
  process.env.SLUICE_E2E_HOME = home
  return async () => {
    await server.stop()
    rmSync(home, { recursive: true, force: true })
  }
}

import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Starts `sluice serve` on a fresh data folder (so the demo database is built
 * anew) and hands its tokened URL to the tests. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const home = mkdtempSync(join(tmpdir(), 'sluice-e2e-'))
  const server = spawn(process.execPath, ['bin/sluice.mjs', 'serve', '--no-open', '--port', '0'], {
    env: { ...process.env, SLUICE_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    server.on('exit', (code) =>
      reject(new Error(`sluice serve exited with ${code} before printing its URL: ${output}`)),
    )
  })
  process.env.SLUICE_E2E_URL = url
  process.env.SLUICE_E2E_HOME = home
  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    // A server that cannot stop in time must not keep the run (and its output pipe) open.
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
    rmSync(home, { recursive: true, force: true })
  }
}

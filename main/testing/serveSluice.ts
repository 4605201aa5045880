import { spawn } from 'node:child_process'

/** A `sluice serve` of the built app, and how to stop it. */
export interface ServedSluice {
  /** The address it printed, token included. */
  url: string
  /** Stops it, killing it if it has not stopped after 10 s. */
  stop(): Promise<void>
}

/**
 * Starts `sluice serve` (from `out/`, so `npm run build` first) on a free
 * port with `home` as its data folder, and waits for the URL it prints.
 * Throws what it printed if it exits before printing one.
 */
export async function serveSluice(home: string): Promise<ServedSluice> {
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
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      // A server that cannot stop in time must not keep the run (and its output pipe) open.
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

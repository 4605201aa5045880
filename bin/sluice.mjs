#!/usr/bin/env node
// Runs the built CLI, building it first on a fresh checkout so `npx sluice` works right after `npm install`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'out', 'main', 'cli.js')
if (!existsSync(cli) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  process.stderr.write('sluice: first run, building the app (about a minute)…\n')
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (built.status !== 0) {
    process.stderr.write('sluice: the build failed; run `npm run build` to see why\n')
    process.exit(1)
  }
}
await import(pathToFileURL(cli).href)

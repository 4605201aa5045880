// Builds better-sqlite3 a second time, for Electron's ABI, beside the Node build the tests and CLI use.
// The desktop app loads it through better-sqlite3's `nativeBinding` option. Needs a compiler and
// Electron's headers (node-gyp fetches them), so `sluice` runs it only where Electron's binary exists.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(root, 'node_modules', '.sluice-electron', 'better_sqlite3.node')
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version
const work = join(root, 'node_modules', '.sluice-electron', 'build')

rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
})
const built = spawnSync(
  'npm',
  [
    'exec',
    '--yes',
    '--',
    'node-gyp',
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] },
)
const output = join(work, 'build', 'Release', 'better_sqlite3.node')
if (built.status !== 0 || !existsSync(output)) {
  console.error(`could not build better-sqlite3 for Electron ${electronVersion}`)
  process.exit(1)
}
cpSync(output, target)
rmSync(work, { recursive: true, force: true })

import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appRootDir } from '../appPaths'
import { electronSqliteBindingPath } from '../dialects/sqlite/nativeBinding'
import { serveCommand } from './serveCommand'

/**
 * `sluice` with no command: the desktop app. The Electron binary is checked by
 * its files (requiring `electron` would try a download as a side effect); if it
 * is missing and cannot be fetched, Sluice says so in one line and serves web
 * mode instead.
 */
export async function desktopCommand(log: (line: string) => void): Promise<void> {
  const binary = electronBinary() ?? (tryInstallElectron() ? electronBinary() : undefined)
  if (!binary) {
    await serveCommand(
      {
        open: true,
        banner: 'Electron binary not found and could not be downloaded; starting web mode',
      },
      log,
    )
    return
  }
  if (!existsSync(electronSqliteBindingPath()) && !buildElectronSqlite()) {
    await serveCommand(
      {
        open: true,
        banner:
          'Could not build better-sqlite3 for Electron (needs a compiler and Electron headers); starting web mode',
      },
      log,
    )
    return
  }
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'index.js')
  const child = spawn(binary, [entry], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return undefined
  }
}

function electronBinary(): string | undefined {
  const dir = electronPackageDir()
  if (!dir) return undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = join(dir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const binary = override ? join(override, relative) : join(dir, 'dist', relative)
  return existsSync(binary) ? binary : undefined
}

function buildElectronSqlite(): boolean {
  const script = join(appRootDir(), 'scripts', 'buildElectronSqlite.mjs')
  return spawnSync(process.execPath, [script], { stdio: 'inherit', timeout: 600_000 }).status === 0
}

function tryInstallElectron(): boolean {
  const dir = electronPackageDir()
  if (!dir || !existsSync(join(dir, 'install.js'))) return false
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  })
  return result.status === 0
}

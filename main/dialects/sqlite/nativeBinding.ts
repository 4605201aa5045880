import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { appRootDir } from '../../appPaths'

/**
 * Under Electron, better-sqlite3 must be the build made for Electron's ABI
 * (scripts/buildElectronSqlite.mjs); under Node, its own build. Returns the
 * path to pass as `nativeBinding`, or undefined for the default.
 */
export function sqliteNativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined
  const file = electronSqliteBindingPath()
  return existsSync(file) ? file : undefined
}

export function electronSqliteBindingPath(): string {
  return join(appRootDir(), 'node_modules', '.sluice-electron', 'better_sqlite3.node')
}

import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where Sluice keeps its own files outside Electron (web mode, CLI):
 * SLUICE_HOME if set, else the XDG data folder. Electron uses its userData.
 */
export function defaultDataDir(): string {
  if (process.env.SLUICE_HOME) return resolve(process.env.SLUICE_HOME)
  const xdg = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(xdg, 'sluice')
}

export function resourcesDir(): string {
  return join(appRootDir(), 'resources')
}

export function rendererDir(): string {
  return join(appRootDir(), 'out', 'renderer')
}

/** The checkout or install folder, found from this file in source (main/) or in the bundle (out/main/). */
export function appRootDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  // Source: <root>/main; bundle: <root>/out/main.
  return here.endsWith(join('out', 'main')) ? resolve(here, '..', '..') : resolve(here, '..')
}

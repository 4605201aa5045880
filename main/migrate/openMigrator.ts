import { parseConnectionUrl } from '../../shared/connectionUrl'
import { defaultConnectOptions, dialects } from '../dialects/registry'
import { readNativeFolder } from './folders/readNativeFolder'
import { Migrator } from './Migrator'

export interface MigratorHandle {
  migrator: Migrator
  close(): Promise<void>
}

/** Reads the folder first, so a bad file is reported before any connection is made. */
export async function openMigrator(
  url: string,
  dir: string,
  lockTimeoutMs: number,
): Promise<MigratorHandle> {
  const files = readNativeFolder(dir)
  const target = parseConnectionUrl(url)
  const session = await dialects[target.dialect].openMigrationSession(target, defaultConnectOptions)
  return { migrator: new Migrator(session, files, lockTimeoutMs), close: () => session.close() }
}

import { parseConnectionUrl } from '../../shared/connectionUrl'
import { defaultConnectOptions, dialects } from '../dialects/registry'
import { readFolder } from './folders/readFolder'
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
  const { format, files } = readFolder(dir)
  const target = parseConnectionUrl(url)
  const session = await dialects[target.dialect].openMigrationSession(target, defaultConnectOptions)
  return {
    migrator: new Migrator(session, files, lockTimeoutMs, format),
    close: () => session.close(),
  }
}

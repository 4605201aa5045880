import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationChecksum } from '../checksum'
import type { MigrationFile } from '../MigrationFile'
import { listFolder } from './listFolder'
import { sortedByVersion } from './sortedByVersion'

const fileName = /^(\d+)_(.+)\.(up|down)\.sql$/

/** golang-migrate: `N_name.up.sql` with an optional `N_name.down.sql`; each file is one section. */
export function readGolangMigrate(dir: string): MigrationFile[] {
  const byVersion = new Map<string, MigrationFile>()
  for (const { name } of listFolder(dir)) {
    const match = fileName.exec(name)
    if (!match) continue
    const [, version, title, direction] = match as unknown as [string, string, string, string]
    const text = readFileSync(join(dir, name), 'utf8')
    const file = byVersion.get(version) ?? {
      version,
      name: title,
      path: '',
      checksum: '',
      up: '',
      down: null,
      transaction: true,
      downTransaction: true,
    }
    if (direction === 'up')
      Object.assign(file, { path: name, checksum: migrationChecksum(text), up: text })
    else file.down = text
    byVersion.set(version, file)
  }
  return sortedByVersion([...byVersion.values()].filter((f) => f.path !== ''))
}

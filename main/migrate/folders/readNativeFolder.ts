import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationChecksum } from '../checksum'
import type { MigrationFile } from '../MigrationFile'
import { listFolder } from './listFolder'
import { nativeSections } from './nativeSections'
import { sortedByVersion } from './sortedByVersion'

/** `<version>_<name>.sql`, the version being digits (a timestamp or a counter), as dbmate names files. */
const fileName = /^(\d+)_(.+)\.sql$/

/** The migrations of a native (dbmate-compatible) folder, in version order; other files are left alone. */
export function readNativeFolder(dir: string): MigrationFile[] {
  const migrations: MigrationFile[] = []
  for (const { name, isDirectory } of listFolder(dir)) {
    const match = fileName.exec(name)
    if (!match || isDirectory) continue
    const text = readFileSync(join(dir, name), 'utf8')
    migrations.push({
      version: match[1]!,
      name: match[2]!,
      path: name,
      checksum: migrationChecksum(text),
      ...nativeSections(text, name),
    })
  }
  return sortedByVersion(migrations)
}

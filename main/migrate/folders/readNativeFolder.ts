import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SluiceError } from '../../../shared/errors'
import { migrationChecksum } from '../checksum'
import type { MigrationFile } from '../MigrationFile'
import { compareVersions } from '../versionOrder'
import { nativeSections } from './nativeSections'

/** `<version>_<name>.sql`, the version being digits (a timestamp or a counter), as dbmate names files. */
const fileName = /^(\d+)_(.+)\.sql$/

/**
 * The migrations of a native (dbmate-compatible) folder, in version order.
 * Other files are not migrations and are left alone; two files with the same
 * version are refused by name, since either order would be a guess.
 */
export function readNativeFolder(dir: string): MigrationFile[] {
  let names: string[]
  try {
    // Sorted first, so that which of two clashing files is named first does not depend on the file system.
    names = readdirSync(dir).sort()
  } catch (error) {
    throw new SluiceError({
      code: 'NOT_FOUND',
      message: `Cannot read the migrations folder ${dir}: ${(error as Error).message}`,
    })
  }
  const migrations: MigrationFile[] = []
  for (const name of names) {
    const match = fileName.exec(name)
    if (!match) continue
    const text = readFileSync(join(dir, name), 'utf8')
    migrations.push({
      version: match[1]!,
      name: match[2]!,
      path: name,
      checksum: migrationChecksum(text),
      ...nativeSections(text, name),
    })
  }
  migrations.sort(byVersion)
  for (let i = 1; i < migrations.length; i++)
    if (byVersion(migrations[i - 1]!, migrations[i]!) === 0)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `${migrations[i - 1]!.path} and ${migrations[i]!.path} have the same version; give one a new number`,
      })
  return migrations
}

function byVersion(a: { version: string }, b: { version: string }): number {
  return compareVersions(a.version, b.version)
}

import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationChecksum } from '../checksum'
import type { MigrationFile } from '../MigrationFile'
import { listFolder } from './listFolder'
import { sortedByVersion } from './sortedByVersion'

/** `20240101120000_init/migration.sql`: the folder name is the migration's name in `_prisma_migrations`. */
const folderName = /^(\d+)_(.+)$/

/** Prisma Migrate: one folder per migration, each with a `migration.sql` and no down section. */
export function readPrisma(dir: string): MigrationFile[] {
  const migrations: MigrationFile[] = []
  for (const { name, isDirectory } of listFolder(dir)) {
    const match = folderName.exec(name)
    const file = join(dir, name, 'migration.sql')
    if (!isDirectory || !match || !existsSync(file)) continue
    const bytes = readFileSync(file)
    const text = bytes.toString('utf8')
    migrations.push({
      version: match[1]!,
      name: match[2]!,
      path: `${name}/migration.sql`,
      checksum: migrationChecksum(text),
      // Prisma hashes the file's bytes as they are.
      toolChecksum: createHash('sha256').update(bytes).digest('hex'),
      up: text,
      down: null,
      transaction: true,
      downTransaction: true,
    })
  }
  return sortedByVersion(migrations)
}

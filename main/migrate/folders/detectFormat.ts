import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FolderFormat } from './FolderFormat'
import { listFolder } from './listFolder'

/**
 * Recognises the tool that wrote a folder from its layout alone: drizzle's
 * journal, Prisma's one folder per migration, Flyway's `V1__` prefixes,
 * golang-migrate's `.up.sql` pairs; anything else is read as native.
 */
export function detectFormat(dir: string): FolderFormat {
  if (existsSync(join(dir, 'meta', '_journal.json'))) return 'drizzle'
  const entries = listFolder(dir)
  if (entries.some((e) => e.isDirectory && existsSync(join(dir, e.name, 'migration.sql'))))
    return 'prisma'
  const files = entries.filter((e) => !e.isDirectory).map((e) => e.name)
  if (files.some((f) => /^[VUR][^_]*__.+\.sql$/.test(f))) return 'flyway'
  if (files.some((f) => /^\d+_.+\.(up|down)\.sql$/.test(f))) return 'golang-migrate'
  return 'native'
}

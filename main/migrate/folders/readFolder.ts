import type { MigrationFile } from '../MigrationFile'
import { detectFormat } from './detectFormat'
import type { FolderFormat } from './FolderFormat'
import { readDrizzle } from './readDrizzle'
import { readFlyway } from './readFlyway'
import { readGolangMigrate } from './readGolangMigrate'
import { readNativeFolder } from './readNativeFolder'
import { readPrisma } from './readPrisma'

const readers: Record<FolderFormat, (dir: string) => MigrationFile[]> = {
  native: readNativeFolder,
  'golang-migrate': readGolangMigrate,
  flyway: readFlyway,
  prisma: readPrisma,
  drizzle: readDrizzle,
}

/** A folder's migrations, read the way the tool that wrote it lays them out. */
export function readFolder(dir: string): { format: FolderFormat; files: MigrationFile[] } {
  const format = detectFormat(dir)
  return { format, files: readers[format](dir) }
}

/** Which tool's layout a migrations folder follows. */
export type FolderFormat = 'native' | 'golang-migrate' | 'flyway' | 'prisma' | 'drizzle'

export const formatNames: Record<FolderFormat, string> = {
  native: 'Sluice (dbmate-compatible)',
  'golang-migrate': 'golang-migrate',
  flyway: 'Flyway',
  prisma: 'Prisma Migrate',
  drizzle: 'drizzle-kit',
}

import type { FolderFormat } from '../folders/FolderFormat'
import { drizzleHistory } from './drizzleHistory'
import type { ForeignHistory } from './ForeignHistory'
import { flywayHistory } from './flywayHistory'
import { golangMigrateHistory } from './golangMigrateHistory'
import { prismaHistory } from './prismaHistory'

/** Each foreign format's own history table, by the name status reports it under. */
export const foreignHistories: Partial<
  Record<FolderFormat, { table: string; read: ForeignHistory }>
> = {
  'golang-migrate': { table: 'schema_migrations', read: golangMigrateHistory },
  flyway: { table: 'flyway_schema_history', read: flywayHistory },
  prisma: { table: '_prisma_migrations', read: prismaHistory },
  drizzle: { table: '__drizzle_migrations', read: drizzleHistory },
}

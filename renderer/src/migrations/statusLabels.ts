import type { MigrationEntry } from '../../../shared/migrationsContract'

/** Badge wording per status. */
export const statusLabels: Record<MigrationEntry['status'], string> = {
  applied: 'applied',
  pending: 'pending',
  modified: 'modified',
  missing: 'missing',
  failed: 'failed',
  out_of_order: 'out of order',
}

import type { MigrationSession } from '../../dialects/types'
import { tableExists } from '../history/tableExists'

export interface DjangoApp {
  app: string
  migrations: { name: string; applied: string }[]
}

/** Django's `django_migrations`, per app, shown as it is: Django's migrations are Python, so Sluice only reads. */
export async function djangoMigrations(session: MigrationSession): Promise<DjangoApp[] | null> {
  if (!(await tableExists(session, 'django_migrations'))) return null
  const apps = new Map<string, DjangoApp>()
  for (const [app, name, applied] of await session.query(
    'SELECT app, name, applied FROM django_migrations ORDER BY app, id',
  )) {
    const entry = apps.get(String(app)) ?? { app: String(app), migrations: [] }
    entry.migrations.push({ name: String(name), applied: String(applied) })
    apps.set(entry.app, entry)
  }
  return [...apps.values()]
}

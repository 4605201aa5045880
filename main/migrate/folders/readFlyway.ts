import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationChecksum } from '../checksum'
import type { MigrationFile } from '../MigrationFile'
import { flywayChecksum } from './flywayChecksum'
import { listFolder } from './listFolder'
import { sortedByVersion } from './sortedByVersion'

/** `V1_2__add_users.sql` (version 1.2), `U1_2__…` its undo, `R__refresh_views.sql` repeatable. */
const fileName = /^([VUR])([0-9._]*)__(.+)\.sql$/

/**
 * Flyway: versioned files, their undo files as down sections, and repeatables,
 * which carry `R__<description>` as their version and sort after the rest.
 */
export function readFlyway(dir: string): MigrationFile[] {
  const versioned = new Map<string, MigrationFile>()
  const undo = new Map<string, string>()
  for (const { name } of listFolder(dir)) {
    const match = fileName.exec(name)
    if (!match) continue
    const [, prefix, rawVersion, description] = match as unknown as [string, string, string, string]
    const text = readFileSync(join(dir, name), 'utf8')
    const version = prefix === 'R' ? `R__${description}` : rawVersion.replace(/_/g, '.')
    if (prefix === 'U') {
      undo.set(version, text)
      continue
    }
    versioned.set(version, {
      version,
      name: description.replace(/_/g, ' '),
      path: name,
      checksum: migrationChecksum(text),
      toolChecksum: flywayChecksum(text),
      up: text,
      down: null,
      transaction: true,
      downTransaction: true,
    })
  }
  for (const [version, text] of undo) {
    const file = versioned.get(version)
    if (file) file.down = text
  }
  return sortedByVersion([...versioned.values()])
}

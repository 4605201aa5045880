import { SluiceError } from '../../../shared/errors'
import type { MigrationFile } from '../MigrationFile'
import { compareVersions } from '../versionOrder'

/** Version order; two files with one version are refused by name, since either order would be a guess. */
export function sortedByVersion(migrations: MigrationFile[]): MigrationFile[] {
  const sorted = [...migrations].sort((a, b) => compareVersions(a.version, b.version))
  for (let i = 1; i < sorted.length; i++)
    if (compareVersions(sorted[i - 1]!.version, sorted[i]!.version) === 0)
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `${sorted[i - 1]!.path} and ${sorted[i]!.path} have the same version; give one a new number`,
      })
  return sorted
}

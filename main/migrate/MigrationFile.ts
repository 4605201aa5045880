/** One migration as read from a folder, whatever tool wrote it. */
export interface MigrationFile {
  /** Digits; migrations apply in numeric order of their versions. */
  version: string
  name: string
  /** The file the migration was read from, relative to the folder. */
  path: string
  /** sha256 (hex) of the file with line endings normalized, so a checkout on Windows does not read as modified. */
  checksum: string
  up: string
  /** Null when the file has no down section: rolling it back is refused by name. */
  down: string | null
  /** False for `-- migrate:up transaction:false`, e.g. for CREATE INDEX CONCURRENTLY. */
  transaction: boolean
  /** The same for the down section (`-- migrate:down transaction:false`). */
  downTransaction: boolean
  /** `foreign_keys:off` on the up marker (native folders, SQLite): see nativeSections. */
  foreignKeysOff?: boolean
  /** The same for the down section. */
  downForeignKeysOff?: boolean
  /** The checksum the tool that wrote the folder stores in its own history table, where it keeps one. */
  toolChecksum?: string
}

import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A temporary migrations folder that tests write files into, as a developer would. */
export class MigrationFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'sluice-migrations-'))

  /** Writes `<version>_<name>.sql` with the given up and optional down statements. */
  write(version: string, name: string, up: string[], down?: string[]): string {
    const text =
      `-- migrate:up\n${up.map((s) => s + ';').join('\n')}\n` +
      (down ? `\n-- migrate:down\n${down.map((s) => s + ';').join('\n')}\n` : '')
    const file = `${version}_${name}.sql`
    writeFileSync(join(this.dir, file), text)
    return file
  }

  remove(file: string): void {
    unlinkSync(join(this.dir, file))
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh, empty data folder, so a test's history and saved queries never meet a user's. */
export function testDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sluice-data-'))
}

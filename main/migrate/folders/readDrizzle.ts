import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { SluiceError } from '../../../shared/errors'
import { migrationChecksum } from '../checksum'
import type { MigrationFile } from '../MigrationFile'

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), when: z.number(), tag: z.string() })),
})

/**
 * drizzle-kit: `meta/_journal.json` lists the migrations; each is `<tag>.sql`
 * with statements separated by `--> statement-breakpoint` comments, which the
 * splitter already passes over. The journal's `when` is what drizzle records as
 * `created_at`, so it is carried as the tool's checksum key.
 */
export function readDrizzle(dir: string): MigrationFile[] {
  let journal: z.infer<typeof journalSchema>
  try {
    journal = journalSchema.parse(
      JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')),
    )
  } catch (error) {
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `Cannot read ${join(dir, 'meta', '_journal.json')}: ${(error as Error).message}`,
    })
  }
  return journal.entries.map((entry) => {
    const path = `${entry.tag}.sql`
    let text: string
    try {
      text = readFileSync(join(dir, path), 'utf8')
    } catch {
      throw new SluiceError({
        code: 'NOT_FOUND',
        message: `meta/_journal.json lists ${path}, which is not in ${dir}`,
      })
    }
    return {
      version: String(entry.idx),
      name: entry.tag.replace(/^\d+_/, ''),
      path,
      checksum: migrationChecksum(text),
      toolChecksum: `${entry.when}:${createHash('sha256').update(text).digest('hex')}`,
      up: text,
      down: null,
      transaction: true,
      downTransaction: true,
    }
  })
}

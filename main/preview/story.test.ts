import { afterEach, describe, expect, it } from 'vitest'
import { writeFileSync, readFileSync } from 'node:fs'
import { MigrationFolder } from '../testing/migrationFolder'
import {
  createStoryDatabase,
  longTitles,
  run,
  saveStoryMigration,
  shortTitle,
  updatedBy,
} from '../testing/storyDatabase'
import { allDialects, type TestDatabase } from '../testing/testDatabases'
import { previewFolder } from './previewFolder'

/**
 * The story of product.md on the demo database, with seven titles longer than
 * 80 characters: each dialect's own verdict for the shorter title, with the
 * seven rows; a nullable updated_by is clean; a NOT NULL one defaulting to a
 * user who does not exist will fail, with the orphans counted.
 */
describe.each(allDialects)('the preview story on %s', (dialect) => {
  let db: TestDatabase
  let folder: MigrationFolder
  afterEach(async () => {
    folder.dispose()
    await db.drop()
  })
  const setup = async () => {
    db = await createStoryDatabase(dialect)
    folder = new MigrationFolder()
  }
  const longIds = () =>
    run(db.url, ["SELECT id FROM blog_article WHERE title LIKE 'A long title%' ORDER BY id"]).then(
      (rows) => rows.map((r) => Number(r[0])),
    )

  it('shortening title to 80 characters: the dialect’s verdict, count 7 and those rows', async () => {
    await setup()
    await saveStoryMigration(db.url, folder.dir, 'title 80', shortTitle)
    const [preview] = (await previewFolder(db.url, folder.dir)).migrations
    const finding = preview!.findings.find((f) => f.kind === 'length')!
    expect(finding.count).toBe(7)
    expect(finding.examples.rows.map((r) => Number(r[0]))).toEqual(await longIds())
    expect(finding.examples.rows.map((r) => r[1])).toEqual(longTitles)
    const expected = { sqlite: 'warning', postgres: 'will_fail', mysql: 'will_fail' }[dialect]
    expect(preview!.verdict).toBe(expected)
    expect(preview!.reason).toContain('7 value(s) of blog_article.title longer than 80 characters')
  })

  it('a migration behind one that will fail is not run, which is not a verdict on it', async () => {
    await setup()
    await saveStoryMigration(db.url, folder.dir, 'title 80', shortTitle)
    await saveStoryMigration(db.url, folder.dir, 'updated by', updatedBy(null))
    const [first, second] = (await previewFolder(db.url, folder.dir)).migrations
    if (first!.verdict === 'will_fail') {
      expect(second!.verdict).toBe('not_run')
      expect(second!.reason).toMatch(/^Not run: .*title_80 before it fails/)
      expect(second!.statements.every((s) => s.ms === null)).toBe(true)
    } else expect(second!.verdict, second!.reason).toBe('clean')
    expect(first!.verdict).toBe(
      { sqlite: 'warning', postgres: 'will_fail', mysql: 'will_fail' }[dialect],
    )
  })

  it('adding updated_by as a nullable foreign key to auth_user is clean', async () => {
    await setup()
    await saveStoryMigration(db.url, folder.dir, 'updated by', updatedBy(null))
    const [preview] = (await previewFolder(db.url, folder.dir)).migrations
    expect(preview!.verdict, preview!.reason).toBe('clean')
    expect(preview!.changes.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['addColumn', 'addForeignKey']),
    )
  })

  it('adding updated_by NOT NULL, defaulting to a user that does not exist, will fail with the orphan count', async () => {
    await setup()
    const [counted] = await run(db.url, ['SELECT count(*) FROM blog_article'])
    await saveStoryMigration(db.url, folder.dir, 'updated by', updatedBy('9999'))
    const [preview] = (await previewFolder(db.url, folder.dir)).migrations
    expect(preview!.verdict).toBe('will_fail')
    const orphans = preview!.findings.find((f) => f.kind === 'foreign_key')!
    expect(orphans.count).toBe(Number(counted![0]))
    expect(orphans.examples.rows[0]![1]).toBe(9999)
  })

  if (dialect === 'mysql')
    it('without strict mode MariaDB cuts the titles: loses data, read from sql_mode', async () => {
      await setup()
      const path = await saveStoryMigration(db.url, folder.dir, 'title 80', shortTitle)
      const text = readFileSync(path, 'utf8')
      writeFileSync(
        path,
        text.replace(
          '-- migrate:up\n',
          "-- migrate:up\nSET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';\n",
        ),
      )
      const [preview] = (await previewFolder(db.url, folder.dir)).migrations
      expect(preview!.verdict, preview!.reason).toBe('loses_data')
      const finding = preview!.findings.find((f) => f.kind === 'length')!
      expect(finding.count).toBe(7)
      expect(finding.effect).toBe('loses')
    })
})

import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { MigrationFolder } from '../testing/migrationFolder'
import {
  createStoryDatabase,
  longTitles,
  run,
  saveStoryMigration,
  shortTitle,
} from '../testing/storyDatabase'
import { allDialects, type TestDatabase } from '../testing/testDatabases'

function sluice(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/sluice.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

interface PlanJson {
  migrations: {
    version: string
    verdict: string
    findings: {
      kind: string
      table: string
      column: string
      count: number
      examples: Record<string, unknown>[]
    }[]
  }[]
}

/** `sluice migrate plan` and the gate in front of `migrate up`, on the story's title migration. */
describe.each(allDialects)('sluice migrate plan on %s', (dialect) => {
  let db: TestDatabase
  let folder: MigrationFolder
  afterEach(async () => {
    folder.dispose()
    await db.drop()
  })
  const migrate = (...args: string[]) =>
    sluice('migrate', ...args, '--url', db.url, '--dir', folder.dir)
  const titles = async () =>
    (
      await run(db.url, [
        "SELECT title FROM blog_article WHERE title LIKE 'A long title%' ORDER BY id",
      ])
    ).map((r) => r[0])

  it('plan --json gives the verdict, exit code and the seven rows; up refuses or applies as the verdict says', async () => {
    db = await createStoryDatabase(dialect)
    folder = new MigrationFolder()
    await saveStoryMigration(db.url, folder.dir, 'title 80', shortTitle)

    const plan = migrate('plan', '--json')
    expect(plan.stderr).toBe('')
    const report = JSON.parse(plan.stdout) as PlanJson
    const [migration] = report.migrations
    const expected = { sqlite: 'warning', postgres: 'will_fail', mysql: 'will_fail' }[dialect]
    expect(migration!.verdict).toBe(expected)
    expect(plan.status).toBe(expected === 'will_fail' ? 5 : 0)
    const finding = migration!.findings.find((f) => f.kind === 'length')!
    expect([finding.table, finding.column, finding.count]).toEqual(['blog_article', 'title', 7])
    expect(finding.examples.map((e) => e.title)).toEqual(longTitles)

    const text = migrate('plan')
    expect(text.stdout).toContain('7 value(s) of blog_article.title longer than 80 characters')

    const up = migrate('up')
    if (expected === 'will_fail') {
      expect(up.status).toBe(5)
      expect(up.stdout).toContain('Refused: the preview says a migration will fail')
      expect(migrate('status').status).toBe(3)
    } else {
      expect(up.status).toBe(0)
      expect(migrate('status').status).toBe(0)
    }
    expect(await titles()).toEqual(longTitles)
  }, 120_000)

  it('up refuses a migration that loses data (exit 6) until --accept-data-loss is given', async () => {
    db = await createStoryDatabase(dialect)
    folder = new MigrationFolder()
    await saveStoryMigration(db.url, folder.dir, 'drop slug', (article) => {
      article.columns = article.columns.filter((c) => c.name !== 'slug')
    })
    expect(migrate('plan').status).toBe(6)
    const refused = migrate('up')
    expect(refused.status).toBe(6)
    expect(refused.stdout).toMatch(/non-NULL value\(s\) of blog_article\.slug are lost/)
    expect(migrate('status').status).toBe(3)
    const accepted = migrate('up', '--accept-data-loss')
    expect(accepted.stderr).toBe('')
    expect(accepted.status).toBe(0)
    expect(migrate('status').status).toBe(0)
  }, 120_000)
})

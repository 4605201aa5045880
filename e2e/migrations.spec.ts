import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { MigrationFolder } from '../main/testing/migrationFolder'
import { createTestDatabase, type TestDatabase } from '../main/testing/testDatabases'
import { connectTo, openSluice, tree } from './workbench'

test.describe('migrations panel on SQLite', () => {
  let db: TestDatabase
  let folder: MigrationFolder

  test.beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    folder = new MigrationFolder()
    folder.write(
      '1',
      'users',
      ['CREATE TABLE users (id integer PRIMARY KEY, name text)'],
      ['DROP TABLE users'],
    )
    folder.write('2', 'posts', ['CREATE TABLE posts (id integer PRIMARY KEY, title text)'])
    folder.write('3', 'broken', ['CREATE TABLE tags (id integer)', 'SELEC 1'])
  })
  test.afterAll(async () => {
    folder.dispose()
    await db.drop()
  })

  const badge = (page: Page, version: string) =>
    page.getByTestId(`migration-${version}`).locator('.badge')

  test('lists pending migrations, applies one, flags an edited file, and offers recovery after a failure', async ({
    page,
    browser,
  }) => {
    await openSluice(page)
    await connectTo(page, db.url)
    await page.getByRole('button', { name: 'Migrations', exact: true }).click()
    const panel = page.getByTestId('migrations-panel')
    await panel.getByLabel('Migrations folder').fill(folder.dir)
    await panel.getByRole('button', { name: 'Open folder' }).click()

    for (const version of ['1', '2', '3']) await expect(badge(page, version)).toHaveText('pending')

    // A production connection asks first; declining changes nothing.
    await panel.getByLabel('Production (confirm every change)').check()
    await panel.getByRole('button', { name: 'Apply next' }).click()
    const production = page.getByRole('dialog', { name: /on production\?$/ })
    await expect(production).toContainText('marked as a production connection')
    await page.keyboard.press('Escape')
    await expect(production).toBeHidden()
    await expect(badge(page, '1')).toHaveText('pending')
    await panel.getByLabel('Production (confirm every change)').uncheck()

    await panel.getByRole('button', { name: 'Apply next' }).click()
    await expect(badge(page, '1')).toHaveText('applied')
    await expect(badge(page, '2')).toHaveText('pending')
    // The tree reads the schema again once a migration has run.
    await expect(tree(page).getByRole('treeitem', { name: 'users', exact: true })).toBeVisible()

    await page.getByTestId('migration-1').click()
    const sections = panel.getByTestId('ddl-viewer')
    await expect(sections.first()).toContainText('CREATE TABLE users')
    // The down section is shown too, or said to be missing.
    await expect(panel.getByRole('heading', { name: 'Down' })).toBeVisible()
    await expect(sections.nth(1)).toContainText('DROP TABLE users')
    await page.getByTestId('migration-2').click()
    await expect(panel).toContainText('No “-- migrate:down” section')
    await page.getByTestId('migration-1').click()

    const file = join(folder.dir, '1_users.sql')
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, original.replace('name text', 'name text, email text'))
    await panel.getByRole('button', { name: 'Refresh' }).click()
    await expect(badge(page, '1')).toHaveText('modified')
    await expect(panel.getByRole('note')).toContainText('Edited after it was applied')

    writeFileSync(file, original)
    await panel.getByRole('button', { name: 'Refresh' }).click()
    await expect(badge(page, '1')).toHaveText('applied')

    // The preview Apply runs first already knows 3 will fail; applying anyway shows the recovery.
    await panel.getByRole('button', { name: 'Apply all' }).click()
    const asked = page.getByRole('dialog', { name: 'A migration will fail: apply anyway?' })
    await expect(asked).toContainText('3_broken: Fails at statement 2')
    await asked.getByRole('button', { name: 'Apply anyway' }).click()
    await expect(badge(page, '3')).toHaveText('failed')
    await expect(badge(page, '2')).toHaveText('applied')
    const failure = page.getByTestId('migration-failure')
    await expect(failure.getByRole('alert')).toContainText('3_broken failed at statement 2 of 2')
    await expect(failure.getByTestId('error-position')).toHaveText('SELEC')
    const choices = failure.getByRole('group', { name: 'Recovery choices' })
    await expect(choices.getByRole('button')).toHaveText([
      'Retry from the failed statement',
      'Mark as applied',
      'Forget it (rolled back)',
    ])

    await choices.getByRole('button', { name: 'Forget it (rolled back)' }).click()
    await expect(badge(page, '3')).toHaveText('pending')
    await expect(failure).toBeHidden()

    // The newest applied migration has no down section, so rolling back is offered only with the reason.
    const rollBack = panel.getByRole('button', { name: 'Roll back' })
    await expect(rollBack).toBeDisabled()
    await expect(rollBack).toHaveAttribute('title', '2_posts.sql has no "-- migrate:down" section')

    // The folder is remembered for this connection, in a new session of the app (a fresh browser profile).
    const again = await (await browser.newContext()).newPage()
    await openSluice(again)
    await connectTo(again, db.url)
    await again.getByRole('button', { name: 'Migrations', exact: true }).click()
    await expect(badge(again, '1')).toHaveText('applied')
    await again.context().close()
  })
})

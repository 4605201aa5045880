import { expect, test } from '@playwright/test'
import { MigrationFolder } from '../main/testing/migrationFolder'
import {
  createStoryDatabase,
  longTitles,
  saveStoryMigration,
  shortTitle,
} from '../main/testing/storyDatabase'
import type { TestDatabase } from '../main/testing/testDatabases'
import { connectTo, openSluice } from './workbench'

test.describe('preview before apply, on a copy of the demo database', () => {
  let db: TestDatabase
  let folder: MigrationFolder

  test.beforeAll(async () => {
    // The demo database with seven titles longer than 80 characters, and Sluice's own migration shortening title.
    db = await createStoryDatabase('sqlite')
    folder = new MigrationFolder()
    await saveStoryMigration(db.url, folder.dir, 'title 80', shortTitle)
  })
  test.afterAll(async () => {
    folder.dispose()
    await db.drop()
  })

  test('previews the title migration, shows the seven rows, and Apply asks with the count first', async ({
    page,
  }) => {
    await openSluice(page)
    await connectTo(page, db.url)
    await page.getByRole('button', { name: 'Migrations', exact: true }).click()
    const panel = page.getByTestId('migrations-panel')
    await panel.getByLabel('Migrations folder').fill(folder.dir)
    await panel.getByRole('button', { name: 'Open folder' }).click()
    const row = panel.locator('[data-testid^="migration-"]', { hasText: 'title_80' })
    await expect(row.locator('.badge')).toHaveText('pending')

    await panel.getByRole('button', { name: 'Preview', exact: true }).click()
    const preview = panel.getByTestId('preview')
    await expect(preview.locator('.badge.verdict-warning')).toHaveText('warning')
    const finding = preview.getByTestId('finding-length')
    await expect(finding).toContainText(
      '7 value(s) of blog_article.title longer than 80 characters',
    )
    const examples = finding.getByRole('table', { name: 'Examples: length' })
    await expect(examples.locator('tbody tr')).toHaveCount(7)
    for (const title of longTitles) await expect(examples).toContainText(title)
    await expect(preview.getByRole('list', { name: 'Schema before → after' })).toContainText(
      'blog_article.title',
    )

    // Apply asks first, naming the count; declining applies nothing.
    await panel.getByRole('button', { name: 'Apply all' }).click()
    const question = page.getByRole('dialog', { name: /apply/i })
    await expect(question).toContainText(
      '7 value(s) of blog_article.title longer than 80 characters',
    )
    await question.getByRole('button', { name: 'Cancel' }).click()
    await expect(question).toBeHidden()
    await expect(row.locator('.badge')).toHaveText('pending')

    await panel.getByRole('button', { name: 'Apply all' }).click()
    await question.getByRole('button', { name: 'Apply anyway' }).click()
    await expect(row.locator('.badge')).toHaveText('applied')
  })
})

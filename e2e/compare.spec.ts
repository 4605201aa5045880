import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { demoSchema, withArticleColumn } from '../main/testing/demoSchema'
import { openSluice } from './workbench'

test.describe('schema compare on the demo database', () => {
  let dir: string
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-compare-e2e-'))
  })
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('compares with a schema file, confirms a rename, saves the migration, and the panel lists it pending', async ({
    page,
  }) => {
    // The desired schema: blog_article.slug renamed to url_slug, and a new subtitle column.
    const schemaFile = join(dir, 'schema.sql')
    const renamed = demoSchema('sqlite').replace(
      'slug varchar(50) NULL',
      'url_slug varchar(50) NULL',
    )
    writeFileSync(schemaFile, withArticleColumn(renamed, 'subtitle varchar(200) NULL'))
    const folder = join(dir, 'migrations')

    await openSluice(page)
    await page.getByRole('button', { name: 'Compare', exact: true }).click()
    const view = page.getByTestId('compare-view')
    await view.getByLabel('To path').fill(schemaFile)
    await view.getByRole('button', { name: 'Compare' }).click()

    const changes = view.getByRole('list', { name: 'Changes' })
    await expect(changes).toContainText('drop column blog_article.slug')
    await expect(
      changes.locator('.change', { hasText: 'drop column blog_article.slug' }).locator('.badge'),
    ).toHaveText('destructive')
    await expect(
      changes.locator('.change', { hasText: 'add column blog_article.subtitle' }).locator('.badge'),
    ).toHaveText('safe')
    await expect(view.getByTestId('schema-diff')).toContainText('url_slug')

    await view.getByRole('button', { name: 'Rename slug to url_slug' }).click()
    await expect(changes).toContainText('rename column blog_article.slug to url_slug')
    await expect(changes).not.toContainText('drop column')
    await expect(changes.locator('.badge', { hasText: 'destructive' })).toHaveCount(0)
    await expect(view.getByTestId('ddl-viewer')).toContainText('RENAME COLUMN')

    // Renaming keeps every slug, so the preview on the connection's own data is clean.
    await view.getByRole('button', { name: 'Preview on this connection' }).click()
    await expect(view.getByTestId('preview').locator('.badge.verdict-clean')).toHaveText('clean')
    await expect(view.getByTestId('preview')).toContainText(
      'rename column blog_article.slug to url_slug',
    )

    await view.getByLabel('Name').fill('rename slug')
    await view.getByLabel('Migrations folder').fill(folder)
    await view.getByRole('button', { name: 'Save as migration' }).click()
    await expect(view.getByRole('status')).toContainText('_rename_slug.sql')
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^\d{14}_rename_slug\.sql$/)])

    await page.getByRole('button', { name: 'Migrations', exact: true }).click()
    const panel = page.getByTestId('migrations-panel')
    await expect(panel.getByLabel('Migrations folder')).toHaveValue(folder)
    const row = panel.locator('[data-testid^="migration-"]', { hasText: 'rename_slug' })
    await expect(row.locator('.badge')).toHaveText('pending')
  })

  test('cancels a long load and can compare again', async ({ page }) => {
    const slowFile = join(dir, 'slow.sql')
    writeFileSync(
      slowFile,
      'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100000000) SELECT count(*) FROM s;\nCREATE TABLE never (id integer);\n',
    )
    await openSluice(page)
    await page.getByRole('button', { name: 'Compare', exact: true }).click()
    const view = page.getByTestId('compare-view')
    await view.getByLabel('To path').fill(slowFile)
    await view.getByRole('button', { name: 'Compare' }).click()
    await expect(view.getByRole('status')).toHaveText('Loading both schemas…')
    await view.getByRole('button', { name: 'Cancel' }).click()
    await expect(view.getByRole('status')).toBeHidden()
    await expect(view.getByRole('button', { name: 'Compare' })).toBeEnabled()
    await expect(view.getByRole('list', { name: 'Changes' })).toBeHidden()
    await expect(view.getByTestId('error-panel')).toBeHidden()
  })
})

import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import {
  editor,
  endlessQuery,
  forgetLongTasks,
  longestTask,
  openSluice,
  recordLongTasks,
  runSql,
  tree,
  treeMenu,
} from './workbench'

test('expands blog_article and shows its foreign key to auth_user with its ON DELETE action', async ({
  page,
}) => {
  await openSluice(page)
  await page.getByRole('button', { name: 'Expand blog_article' }).click()
  await expect(tree(page).getByRole('treeitem', { name: 'Foreign keys' })).toBeVisible()
  const fk = tree(page).getByRole('treeitem').filter({ hasText: '→ auth_user(id)' })
  await expect(fk).toContainText('user_id → auth_user(id) ON DELETE SET DEFAULT')
  await expect(tree(page).getByRole('treeitem', { name: 'title' })).toContainText(
    'varchar(120) · not null',
  )
})

test('shows a table by tab, with row estimates and its DDL in a read-only editor', async ({
  page,
}) => {
  await openSluice(page)
  const article = tree(page).getByRole('treeitem', { name: 'blog_article' })
  await expect(article).toContainText('≈50K')
  await treeMenu(page, 'blog_article', 'Open structure')
  const view = page.getByRole('region', { name: 'Table blog_article' })
  await expect(view.getByRole('cell', { name: 'publish_timestamp' })).toBeVisible()
  await view.getByRole('tab', { name: 'Indexes' }).click()
  await expect(view.getByRole('tabpanel')).toContainText('primary key')
  await view.getByRole('tab', { name: 'Foreign keys' }).click()
  await expect(view.getByRole('tabpanel')).toContainText('auth_user(id) ON DELETE SET DEFAULT')
  await view.getByRole('tab', { name: 'DDL' }).click()
  const ddl = page.getByTestId('ddl-viewer')
  await expect(ddl).toContainText('CREATE TABLE "blog_article"')
  await ddl.locator('.view-lines').click()
  await page.keyboard.type('typed')
  await expect(ddl).not.toContainText('typed')
  await view.getByRole('tab', { name: 'Data' }).click()
  await expect(view.getByTestId('page-position')).toHaveText('Rows 1–1,000 of ≈50,000')
  await page.getByRole('tab', { name: 'Query 1' }).click()
  await expect(editor(page)).toBeVisible()
})

test('refreshes the tree after DDL runs in the editor', async ({ page }) => {
  await openSluice(page)
  await runSql(page, 'CREATE TABLE e2e_added (id INTEGER PRIMARY KEY, "odd ""name""" TEXT)')
  await expect(tree(page).getByRole('treeitem', { name: 'e2e_added' })).toBeVisible()
  await page.getByRole('button', { name: 'Expand e2e_added' }).click()
  await expect(tree(page).getByRole('treeitem', { name: 'odd "name"' })).toBeVisible()
  await runSql(page, 'DROP TABLE e2e_added')
  await expect(tree(page).getByRole('treeitem', { name: 'e2e_added' })).toHaveCount(0)
})

test.describe('a database of 10,000 tables', () => {
  let folder: string
  let file: string

  test.beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'sluice-wide-'))
    file = join(folder, 'wide.sqlite')
    const db = new Database(file)
    db.exec('BEGIN')
    for (let i = 0; i < 10_000; i++)
      db.exec(
        `CREATE TABLE table_${String(i).padStart(5, '0')} (id INTEGER PRIMARY KEY, label TEXT)`,
      )
    db.exec('COMMIT')
    db.close()
  })
  test.afterAll(() => rmSync(folder, { recursive: true, force: true }))

  test('filters by name without any task over 200 ms', async ({ page }) => {
    // Recorded from the first script on, so loading the names counts as well as filtering.
    await recordLongTasks(page)
    await openSluice(page)
    await page.getByRole('button', { name: 'Connect…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Connect to a database' })
    await dialog.getByLabel('Connection URL').fill(`sqlite:${file}`)
    await forgetLongTasks(page)
    await dialog.getByRole('button', { name: 'Connect' }).click()
    const filter = page.getByRole('searchbox', { name: 'Filter tables' })
    await expect(filter).toHaveAttribute('placeholder', 'Filter 10,000 tables and views')
    await filter.pressSequentially('table_0999', { delay: 30 })
    await expect(tree(page).getByRole('treeitem', { name: /^table_0999\d$/ })).toHaveCount(10)
    await filter.fill('9999')
    await expect(tree(page).getByRole('treeitem', { name: 'table_09999' })).toBeVisible()
    const longest = await longestTask(page)
    expect(longest).toBeLessThanOrEqual(200)
  })
})

test('says the connection is busy while a query runs, and loads the table once it is free', async ({
  page,
}) => {
  await openSluice(page)
  await runSql(page, endlessQuery)
  await expect(page.getByTestId('query-status')).toHaveText('Running…')
  await page.getByRole('button', { name: 'Expand auth_user' }).click()
  await expect(tree(page)).toContainText('This connection is running a statement')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('query-status')).toHaveText('Cancelled')
  await page.getByRole('button', { name: 'Collapse auth_user' }).click()
  await page.getByRole('button', { name: 'Expand auth_user' }).click()
  await expect(tree(page).getByRole('treeitem', { name: 'username' })).toBeVisible()
})

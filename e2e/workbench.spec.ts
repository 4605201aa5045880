import { expect, test } from '@playwright/test'
import { editor, endlessQuery, grid, openSluice, openTable, runSql } from './workbench'

test('starts on the demo database and lists the story tables', async ({ page }) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await openSluice(page)
  // A qualifier Sluice knows nothing of leaves completion to Monaco's word list, which runs in its editor worker.
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('\nSELECT nosuch.na')
  await page.keyboard.press('Control+Space')
  await expect(page.locator('.suggest-widget .monaco-list-row').first()).toContainText('name')
  expect(workers.some((url) => url.includes('editor.worker'))).toBe(true)
  const origin = new URL(process.env.SLUICE_E2E_URL!).origin
  expect(requests.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url))).toEqual(
    [],
  )
  const tree = page.getByRole('tree', { name: 'Schema' })
  for (const table of ['auth_user', 'blog_article', 'pets'])
    await expect(tree.getByRole('treeitem', { name: table, exact: true })).toBeVisible()
})

test('opens pets and shows its columns and rows', async ({ page }) => {
  await openSluice(page)
  await page.getByRole('button', { name: 'Expand pets' }).click()
  await expect(page.getByRole('treeitem', { name: 'data' })).toContainText('json · not null')
  const table = await openTable(page, 'pets')
  await expect(table.getByTestId('page-position')).toContainText('Rows 1–3')
  for (const name of ['Bruno', 'Tom', 'Stewey'])
    await expect(grid(page).getByRole('gridcell', { name, exact: true })).toBeVisible()
})

test('queries inside the JSON column', async ({ page }) => {
  await openSluice(page)
  await runSql(page, "SELECT name FROM pets WHERE json_extract(data,'$.type')='Cat'")
  await expect(page.getByTestId('row-count')).toHaveText('1 row')
  await expect(grid(page).getByRole('gridcell', { name: 'Tom', exact: true })).toBeVisible()
})

test('shows a syntax error and underlines where it is', async ({ page }) => {
  await openSluice(page)
  await runSql(page, 'SELECT * FROMM pets')
  await expect(page.getByTestId('error-panel')).toContainText('syntax error')
  await expect(page.getByTestId('error-panel')).toContainText('FROMM')
  await expect(page.locator('.squiggly-error')).toHaveCount(1)
  await runSql(page, 'SELECT 1 AS still_working')
  await expect(page.getByTestId('row-count')).toHaveText('1 row')
})

test('scrolls 50,000 rows to the last one', async ({ page }) => {
  await openSluice(page)
  await runSql(page, 'SELECT id, title, publish_timestamp FROM blog_article ORDER BY id')
  await expect(page.getByTestId('query-status')).toHaveText('Done')
  await expect(page.getByTestId('row-count')).toHaveText('50,000 rows')
  // Dragging the scrollbar to the end.
  await grid(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect(
    grid(page).getByRole('gridcell', { name: 'Article number 50000', exact: true }),
  ).toBeVisible()
  await expect(
    grid(page).getByRole('gridcell', { name: 'Article number 1', exact: true }),
  ).toHaveCount(0)
})

test('cancels a long-running query and keeps working', async ({ page }) => {
  await openSluice(page)
  await runSql(page, endlessQuery)
  await expect(page.getByTestId('query-status')).toHaveText('Running…')
  // The shortcut, as the editor has focus; the schema journey clicks the button.
  await page.keyboard.press('ControlOrMeta+Period')
  await expect(page.getByTestId('query-status')).toHaveText('Cancelled')
  await expect(page.getByText('Query cancelled')).toBeVisible()
  await expect(page.getByTestId('error-panel')).toHaveCount(0)
  // A cancel is its own state, not a failure: in the result's tab and in the history.
  const result = page.getByRole('tablist', { name: 'Results' }).getByRole('tab')
  await expect(result).toContainText('cancelled')
  await expect(result).not.toContainText('failed')
  await page.getByRole('tab', { name: 'History' }).click()
  await expect(
    page.getByRole('list', { name: 'History' }).getByRole('button').first(),
  ).toContainText('Cancelled')
  await runSql(page, "SELECT 'after cancel' AS ok")
  await expect(grid(page).getByRole('gridcell', { name: 'after cancel' })).toBeVisible()
})

test('says so when SQLite cannot interrupt a write, and lets it finish', async ({ page }) => {
  await openSluice(page)
  await runSql(
    page,
    'CREATE TEMP TABLE bulk AS WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20000000) SELECT n FROM s',
  )
  await expect(page.getByTestId('query-status')).toHaveText('Running…')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('status')).toContainText(
    'SQLite cannot interrupt a statement that changes data',
  )
  await expect(page.getByTestId('query-status')).toHaveText('Done', { timeout: 60_000 })
  await runSql(page, 'SELECT count(*) AS n FROM bulk')
  await expect(grid(page).getByRole('gridcell', { name: '20000000' })).toBeVisible()
})

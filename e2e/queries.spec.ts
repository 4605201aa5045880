import { readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { createTestDatabase, type TestDatabase } from '../main/testing/testDatabases'
import {
  connectTo,
  editor,
  forgetLongTasks,
  grid,
  longestTask,
  openSluice,
  recordLongTasks,
  runAll,
  runSql,
} from './workbench'

const suggestions = (page: Page) => page.locator('.suggest-widget .monaco-list-row')

test('completes a table, then one of its columns', async ({ page }) => {
  await openSluice(page)
  await page.getByRole('button', { name: 'New query tab' }).click()
  await editor(page).click()
  await page.keyboard.type('SELECT * FROM pe')
  await page.keyboard.press('Control+Space')
  await expect(suggestions(page).first()).toContainText('pets')
  await page.keyboard.press('Enter')
  await page.keyboard.type(' p WHERE p.')
  // The dot asks by itself; the columns of the aliased table are offered.
  await expect(suggestions(page).first()).toBeVisible()
  await expect(suggestions(page).filter({ hasText: 'name' }).first()).toBeVisible()
  await page.keyboard.type('na')
  await expect(suggestions(page).first()).toContainText('name')
  await page.keyboard.press('Enter')
  await page.keyboard.type(" = 'Tom'")
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByTestId('row-count')).toHaveText('1 row')
  await expect(grid(page).getByRole('gridcell', { name: 'Tom', exact: true })).toBeVisible()
})

test('runs two statements into two result tabs', async ({ page }) => {
  await openSluice(page)
  await runAll(page, "SELECT 1 AS first_one;\nSELECT 'b' AS second_one, 2 AS n;")
  const results = page.getByRole('tablist', { name: 'Results' })
  await expect(results.getByRole('tab')).toHaveCount(2)
  await expect(results.getByRole('tab', { name: /Result 2/ })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(grid(page).getByRole('columnheader', { name: /second_one/ })).toBeVisible()
  await results.getByRole('tab', { name: /Result 1/ }).click()
  await expect(grid(page).getByRole('columnheader', { name: /first_one/ })).toBeVisible()
  await expect(results.getByRole('tab', { name: /Result 1/ })).toContainText('1 row')
})

test('stops a script at the first failing statement', async ({ page }) => {
  await openSluice(page)
  await runAll(page, 'SELECT 1 AS fine;\nSELECT * FROM no_such_table;\nSELECT 3 AS never;')
  const results = page.getByRole('tablist', { name: 'Results' })
  await expect(results.getByRole('tab')).toHaveCount(2)
  await expect(page.getByTestId('error-panel')).toContainText('no_such_table')
})

test('scrolls a result of ten million rows from top to bottom', async ({ page }) => {
  test.setTimeout(240_000)
  await openSluice(page)
  await runSql(
    page,
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10000000) SELECT n FROM s',
  )
  await expect(page.getByTestId('query-status')).toHaveText('Done', { timeout: 200_000 })
  await expect(page.getByTestId('row-count')).toHaveText('10,000,000 rows')
  await expect(grid(page).getByRole('gridcell', { name: '1', exact: true })).toBeVisible()
  await grid(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect(grid(page).getByRole('gridcell', { name: '10000000', exact: true })).toBeVisible()
  // Halfway down the scaled scrollbar is halfway through the rows.
  await grid(page).evaluate((element) =>
    element.scrollTo({ top: (element.scrollHeight - element.clientHeight) / 2 }),
  )
  await expect(
    grid(page)
      .getByRole('gridcell', { name: /^500\d{4}$/ })
      .first(),
  ).toBeVisible()
})

test('exports a result to CSV with one line per row and a header', async ({ page }) => {
  await openSluice(page)
  await runSql(page, 'SELECT id, title, publish_timestamp FROM blog_article ORDER BY id')
  await expect(page.getByTestId('query-status')).toHaveText('Done')
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const file = join(mkdtempSync(join(tmpdir(), 'sluice-export-')), 'articles.csv')
  await dialog.getByLabel('File', { exact: true }).fill(file)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Exported 50,000 rows')
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
  expect(lines.length).toBe(50_001)
  expect(lines[0]).toBe('id,title,publish_timestamp')
  expect(lines[50_000]).toMatch(/^50000,Article number 50000,/)
  // The file exists now: exporting again without allowing it to be replaced says so.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Export…' }).click()
  await dialog.getByLabel('File', { exact: true }).fill(file)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByTestId('error-panel')).toContainText('already exists')
})

test('saves a query, marks later edits as unsaved, and opens it again from the list', async ({
  page,
}) => {
  await openSluice(page)
  const name = `pets by type ${Date.now()}`
  await runSql(page, 'SELECT name FROM pets ORDER BY name')
  const tabs = page.getByRole('tablist', { name: /^Tabs of/ })
  await expect(tabs.getByLabel('unsaved changes')).toHaveCount(1)
  await page.keyboard.press('ControlOrMeta+S')
  const dialog = page.getByRole('dialog', { name: 'Save query' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(tabs.getByRole('tab', { name, exact: true })).toBeVisible()
  await expect(tabs.getByLabel('unsaved changes')).toHaveCount(0)
  await editor(page).click()
  await page.keyboard.type(' ')
  await expect(tabs.getByLabel('unsaved changes')).toHaveCount(1)
  // Undoing back to what was saved is clean again, as in VS Code.
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(tabs.getByLabel('unsaved changes')).toHaveCount(0)
  await tabs.getByRole('button', { name: `Close ${name}` }).click()
  await page.getByRole('tab', { name: 'Saved' }).click()
  await page.getByRole('list', { name: 'Saved queries' }).getByRole('button', { name }).click()
  await expect(tabs.getByRole('tab', { name, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(grid(page).getByRole('gridcell', { name: 'Bruno' })).toBeVisible()
})

test('finds an earlier query in the history and opens it', async ({ page }) => {
  await openSluice(page)
  const marker = `history_marker_${Date.now()}`
  await runAll(
    page,
    `CREATE TEMP TABLE counted (n integer); INSERT INTO counted VALUES (1), (2), (3);
UPDATE counted SET n = n + 1 /* ${marker} */;`,
  )
  await expect(
    page.getByRole('tablist', { name: 'Results' }).getByRole('tab').nth(2),
  ).toContainText('3 rows affected')
  await runSql(page, `SELECT '${marker}' AS found`)
  await expect(page.getByTestId('query-status')).toHaveText('Done')
  await expect(page.getByTestId('row-count')).toHaveText('1 row')
  await page.getByRole('tab', { name: 'History' }).click()
  const entries = page.getByRole('list', { name: 'History' }).getByRole('button')
  // The list filters a moment after typing: wait for the one match before reading it.
  await page.getByLabel('Search history').fill(`${marker} */`)
  await expect(entries).toHaveCount(1)
  await expect(entries).toContainText('3 rows affected')
  await page.getByLabel('Search history').fill(`'${marker}' AS found`)
  await expect(entries).toHaveCount(1)
  await expect(entries).toContainText(`'${marker}' AS found`)
  await entries.first().click()
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(grid(page).getByRole('gridcell', { name: marker })).toBeVisible()
})

test('many statements make result tabs that scroll, the one shown kept in view', async ({
  page,
}) => {
  await openSluice(page)
  const count = 40
  await runAll(
    page,
    Array.from({ length: count }, (_, i) => `SELECT ${i + 1} AS statement_${i + 1};`).join('\n'),
  )
  const results = page.getByRole('tablist', { name: 'Results' })
  await expect(results.getByRole('tab')).toHaveCount(count)
  const last = results.getByRole('tab', { name: new RegExp(`^Result ${count}\\b`) })
  await expect(last).toHaveAttribute('aria-selected', 'true')
  await expect(last).toBeInViewport()
  const box = (await results.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width)
  await results.getByRole('tab', { name: /^Result 40\b/ }).focus()
  for (let i = 0; i < 39; i++) await page.keyboard.press('ArrowLeft')
  const first = results.getByRole('tab', { name: /^Result 1\b/ })
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(first).toBeInViewport()
})

test('exports to the default path, whose folder need not exist yet', async ({ page }) => {
  await openSluice(page)
  await runSql(page, 'SELECT id, name FROM pets ORDER BY id')
  await expect(page.getByTestId('query-status')).toHaveText('Done')
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const suggested = await dialog.getByLabel('File', { exact: true }).inputValue()
  await dialog.getByLabel('Replace the file if it exists').check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText(`Exported 3 rows`)
  await expect(dialog.getByRole('status')).toContainText(suggested)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('formats the SQL in the editor', async ({ page }) => {
  await openSluice(page)
  await runSql(page, "select name,data from pets where name='Tom'")
  await page.getByRole('button', { name: 'Format' }).click()
  await expect(editor(page)).toContainText('SELECT')
  await expect(page.locator('.view-line').filter({ hasText: /^\s*FROM\s*$/ })).toHaveCount(1)
})

test.describe('on PostgreSQL', () => {
  let db: TestDatabase

  test.beforeAll(async () => {
    db = await createTestDatabase('postgres')
  })
  test.afterAll(async () => {
    await db.drop()
  })

  test('streams a million rows without a long task and scrolls to the last', async ({ page }) => {
    test.setTimeout(180_000)
    await recordLongTasks(page)
    await openSluice(page)
    await connectTo(page, db.url)
    await forgetLongTasks(page)
    await runSql(page, 'SELECT g AS n, md5(g::text) AS hash FROM generate_series(1, 1000000) g')
    await expect(page.getByTestId('query-status')).toHaveText('Running…')
    // Scroll while it streams, as someone would.
    while ((await page.getByTestId('query-status').textContent()) === 'Running…') {
      await grid(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
      await page.waitForTimeout(200)
    }
    await expect(page.getByTestId('row-count')).toHaveText('1,000,000 rows')
    await grid(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect(grid(page).getByRole('gridcell', { name: '1000000', exact: true })).toBeVisible()
    const longest = await longestTask(page)
    expect(longest).toBeLessThanOrEqual(200)
  })

  test('shows the plan as a tree, and ANALYZE only after confirming', async ({ page }) => {
    await openSluice(page)
    await connectTo(page, db.url)
    await runSql(page, 'CREATE TABLE plan_me (id int PRIMARY KEY, note text)')
    await expect(page.getByTestId('query-status')).toHaveText('Done')
    await runSql(page, 'SELECT * FROM plan_me WHERE id = 3')
    await page.getByRole('button', { name: 'Explain', exact: true }).click()
    const plan = page.getByRole('tree', { name: 'Query plan' })
    await expect(plan.getByRole('treeitem').first()).toContainText('plan_me')
    await expect(plan).toContainText('cost')
    await page.getByRole('button', { name: 'Explain analyze' }).click()
    const ask = page.getByRole('dialog', { name: 'Run the statement to measure it?' })
    await ask.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByText('Measured with ANALYZE')).toHaveCount(0)
    await page.getByRole('button', { name: 'Explain analyze' }).click()
    await ask.getByRole('button', { name: 'Explain analyze' }).click()
    await expect(page.getByText('Measured with ANALYZE')).toBeVisible()
    await expect(plan).toContainText('Execution Time')
  })

  test('cancels a 30-second statement and runs the next one in the same tab', async ({ page }) => {
    await openSluice(page)
    await connectTo(page, db.url)
    await runSql(page, 'SELECT pg_sleep(30)')
    await expect(page.getByTestId('query-status')).toHaveText('Running…')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByTestId('query-status')).toHaveText('Cancelled')
    await runSql(page, 'SELECT 42 AS answer')
    await expect(grid(page).getByRole('gridcell', { name: '42' })).toBeVisible()
  })
})

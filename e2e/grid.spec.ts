import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { createTestDatabase, type TestDatabase } from '../main/testing/testDatabases'
import { clipboardText, connectTo, grid, openSluice, openTable, runSql } from './workbench'

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
})

/** Runs a query and waits for all its rows. */
async function query(page: Page, sql: string, rows: string): Promise<void> {
  await runSql(page, sql)
  await expect(page.getByTestId('query-status')).toHaveText('Done')
  await expect(page.getByTestId('row-count')).toHaveText(rows)
}

const cell = (page: Page, name: string) => grid(page).getByRole('gridcell', { name, exact: true })
const selected = (page: Page) => grid(page).getByRole('gridcell', { selected: true })
const copied = (page: Page, text: string | RegExp) =>
  expect(page.getByRole('status').filter({ hasText: text })).toBeVisible()

/** Chooses "Copy as X" in the open copy menu and reads the clipboard once the grid says it copied X. */
async function copyFromMenu(page: Page, item: string): Promise<string> {
  await page.getByRole('menu', { name: 'Copy' }).getByRole('menuitem', { name: item }).click()
  await copied(page, item.replace(/^Copy /, ''))
  return clipboardText(page)
}

async function width(page: Page, column: string): Promise<number> {
  return (await grid(page).getByRole('columnheader', { name: column }).boundingBox())!.width
}

const users = 'SELECT id, username, first_name, email FROM auth_user ORDER BY id LIMIT 20'

test('names its parts for assistive technology', async ({ page }) => {
  await openSluice(page)
  await query(page, users, '20 rows')
  const results = page.getByRole('grid', { name: 'Result 1' })
  await expect(results).toHaveAttribute('aria-rowcount', '21')
  await expect(results).toHaveAttribute('aria-colcount', '5')
  await expect(results.getByRole('columnheader', { name: 'username' })).toHaveAccessibleDescription(
    'varchar(150)',
  )
  await expect(results.getByRole('rowheader', { name: '20', exact: true })).toBeVisible()
})

test('selects a range by click, Shift+click and drag, and Ctrl+C copies it as TSV', async ({
  page,
}) => {
  await openSluice(page)
  await query(page, users, '20 rows')
  await cell(page, 'user1').click()
  await cell(page, 'First3').click({ modifiers: ['Shift'] })
  await expect(selected(page)).toHaveCount(6)
  await page.keyboard.press('ControlOrMeta+C')
  await copied(page, 'Copied 3 rows × 2 columns')
  expect(await clipboardText(page)).toBe('user1\tFirst1\nuser2\tFirst2\nuser3\tFirst3')

  const from = (await cell(page, 'user2').boundingBox())!
  const to = (await cell(page, 'user5@example.com').boundingBox())!
  await page.mouse.move(from.x + 10, from.y + 10)
  await page.mouse.down()
  await page.mouse.move(to.x + 10, to.y + 10, { steps: 5 })
  await page.mouse.up()
  await expect(selected(page)).toHaveCount(12)

  await grid(page).getByRole('rowheader', { name: '2', exact: true }).click()
  await grid(page)
    .getByRole('rowheader', { name: '4', exact: true })
    .click({ modifiers: ['Shift'] })
  await expect(selected(page)).toHaveCount(12)
  await page.keyboard.press('ControlOrMeta+C')
  await copied(page, 'Copied 3 rows × 4 columns')
  expect((await clipboardText(page)).split('\n')[0]).toBe('2\tuser2\tFirst2\tuser2@example.com')
})

test('moves and extends the selection with the keyboard', async ({ page }) => {
  await openSluice(page)
  await query(page, users, '20 rows')
  await cell(page, 'user1').click()
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(selected(page)).toHaveCount(6)
  await page.keyboard.press('ControlOrMeta+C')
  await copied(page, 'Copied 3 rows × 2 columns')
  expect(await clipboardText(page)).toBe('user1\tFirst1\nuser2\tFirst2\nuser3\tFirst3')

  await page.keyboard.press('Escape')
  await expect(selected(page)).toHaveCount(1)
  await expect(cell(page, 'user1')).toHaveAttribute('aria-selected', 'true')

  const copyActive = async (key: string, value: string) => {
    await page.keyboard.press(key)
    await page.keyboard.press('ControlOrMeta+C')
    await expect.poll(() => clipboardText(page)).toBe(value)
  }
  await copyActive('End', 'user1@example.com')
  await copyActive('ArrowDown', 'user2@example.com')
  await copyActive('Home', '2')
  await copyActive('ControlOrMeta+End', 'user20@example.com')
  await copyActive('ControlOrMeta+Home', '1')
  await copyActive('PageDown', String(Math.min(20, (await pageRows(page)) + 1)))

  await page.keyboard.press('ControlOrMeta+A')
  await expect(cell(page, 'user1')).toHaveAttribute('aria-selected', 'true')
  await expect(cell(page, 'First9')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ControlOrMeta+C')
  await copied(page, 'Copied 20 rows × 4 columns')
})

/** How many rows PageDown moves: the rows that fit below the header, less one. */
async function pageRows(page: Page): Promise<number> {
  const header = (await grid(page).getByRole('row').first().boundingBox())!.height
  const height = await grid(page).evaluate((element) => element.clientHeight)
  return Math.max(1, Math.floor((height - header - 1) / 24) - 1)
}

test('copies as CSV, JSON, Markdown and SQL INSERT, and copies a column name', async ({ page }) => {
  await openSluice(page)
  await query(
    page,
    `SELECT 1 AS n, 'a,b "c"' AS t, NULL AS z UNION ALL SELECT 2, 'tab' || char(9) || 'here', 'x'`,
    '2 rows',
  )
  await cell(page, '1').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+C')
  await copied(page, 'Copied 2 rows × 3 columns as tab-separated text')
  expect(await clipboardText(page)).toBe('1\t"a,b ""c"""\t\n2\t"tab\there"\tx')

  await cell(page, 'x').click({ button: 'right' })
  expect(await copyFromMenu(page, 'Copy as CSV')).toBe('n,t,z\n1,"a,b ""c""",\n2,tab\there,x\n')

  await page.getByRole('button', { name: 'Copy as…' }).click()
  expect(JSON.parse(await copyFromMenu(page, 'Copy as JSON'))).toEqual([
    { n: 1, t: 'a,b "c"', z: null },
    { n: 2, t: 'tab\there', z: 'x' },
  ])

  await grid(page).focus()
  await page.keyboard.press('Shift+F10')
  const markdown = (await copyFromMenu(page, 'Copy as Markdown')).split('\n')
  expect(markdown[0]).toBe('| n | t | z |')
  expect(markdown[2]).toBe('| 1 | a,b "c" |  |')

  await cell(page, '2').click({ button: 'right' })
  await expect(selected(page)).toHaveCount(6)
  expect(await copyFromMenu(page, 'Copy as SQL INSERT')).toBe(
    `INSERT INTO "result" ("n", "t", "z") VALUES (1, 'a,b "c"', NULL);\n` +
      `INSERT INTO "result" ("n", "t", "z") VALUES (2, 'tab\there', 'x');\n`,
  )

  await cell(page, 'x').click()
  await cell(page, 'x').click({ button: 'right' })
  await page.getByRole('menuitem', { name: 'Copy column name' }).click()
  await expect.poll(() => clipboardText(page)).toBe('z')
})

test('a copied CSV of 50,000 rows equals the exported file', async ({ page }) => {
  await openSluice(page)
  await query(
    page,
    'SELECT id, title, publish_timestamp FROM blog_article ORDER BY id',
    '50,000 rows',
  )
  await cell(page, 'Article number 1').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.getByRole('button', { name: 'Copy as…' }).click()
  await page.getByRole('menuitem', { name: 'Copy as CSV' }).click()
  await copied(page, 'Copied 50,000 rows × 3 columns as CSV')
  const copiedCsv = await clipboardText(page)

  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  const file = join(mkdtempSync(join(tmpdir(), 'sluice-grid-')), 'articles.csv')
  await dialog.getByLabel('File', { exact: true }).fill(file)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Exported 50,000 rows')
  expect(copiedCsv).toBe(readFileSync(file, 'utf8'))
})

test('copies up to 100,000 rows, fetched past the pages in view, and refuses more', async ({
  page,
}) => {
  await openSluice(page)
  await query(
    page,
    'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 100001) SELECT n FROM s',
    '100,001 rows',
  )
  await cell(page, '1').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+C')
  await copied(page, /Nothing copied: 100,001 rows .* Use Export…/)

  await page.keyboard.press('Shift+ArrowUp')
  await page.keyboard.press('ControlOrMeta+C')
  await copied(page, 'Copied 100,000 rows × 1 column')
  const lines = (await clipboardText(page)).split('\n')
  expect(lines).toHaveLength(100_000)
  expect([lines[0], lines[49_999], lines[50_000], lines[99_999]]).toEqual([
    '1',
    '50000',
    '50001',
    '100000',
  ])
})

test('resizes a column by dragging its edge, by keys, and fits it by double-click', async ({
  page,
}) => {
  await openSluice(page)
  await query(page, 'SELECT id, title FROM blog_article ORDER BY id LIMIT 5', '5 rows')
  const before = await width(page, 'title')
  const edge = grid(page).getByRole('separator', { name: 'Resize title' })
  const box = (await edge.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect.poll(() => width(page, 'title')).toBeCloseTo(before + 100, 0)

  await edge.focus()
  await page.keyboard.press('ArrowLeft')
  await expect.poll(() => width(page, 'title')).toBeCloseTo(before + 90, 0)

  await edge.dblclick()
  await expect.poll(() => width(page, 'title')).toBeLessThan(before + 90)
  const fitted = await width(page, 'title')
  // Wide enough for "Article number 5" and the header, far from the 600px cap.
  expect(fitted).toBeGreaterThan(100)
  expect(fitted).toBeLessThan(300)
})

test('hides a column, shows it again from Columns…, and moves it from its menu', async ({
  page,
}) => {
  await openSluice(page)
  await query(page, 'SELECT id, title FROM blog_article ORDER BY id LIMIT 5', '5 rows')
  const header = (name: string) => grid(page).getByRole('columnheader', { name })

  await grid(page).getByRole('button', { name: 'Column menu for title' }).click()
  await page
    .getByRole('menu', { name: 'Column title' })
    .getByRole('menuitem', { name: 'Hide column' })
    .click()
  await expect(header('title')).toHaveCount(0)
  await expect(grid(page)).toHaveAttribute('aria-colcount', '2')

  await page.getByRole('button', { name: 'Columns…' }).click()
  const columns = page.getByRole('menu', { name: 'Columns' })
  await expect(columns.getByRole('menuitemcheckbox', { name: 'id' })).toBeDisabled()
  const title = columns.getByRole('menuitemcheckbox', { name: 'title' })
  await expect(title).not.toBeChecked()
  await title.click()
  await expect(title).toBeChecked()
  await expect(header('title')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(columns).toBeHidden()

  await grid(page).getByRole('button', { name: 'Column menu for title' }).click()
  await page.getByRole('menuitem', { name: 'Move left' }).click()
  const x = async (name: string) => (await header(name).boundingBox())!.x
  expect(await x('title')).toBeLessThan(await x('id'))
  await cell(page, 'Article number 1').click()
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('ControlOrMeta+C')
  await expect.poll(() => clipboardText(page)).toBe('Article number 1\t1')
})

test('the value panel shows JSON as a tree or text, and follows the active cell', async ({
  page,
}) => {
  await openSluice(page)
  await query(page, 'SELECT data FROM pets ORDER BY id', '3 rows')
  await page.getByRole('button', { name: 'Value panel' }).click()
  const value = page.getByRole('region', { name: 'Value' })
  await grid(page).getByRole('gridcell').first().click()
  await expect(value).toContainText('JSON')
  await expect(value.getByRole('tree', { name: 'JSON value' })).toContainText('Bruno')
  await value.getByRole('button', { name: 'Pretty' }).click()
  await expect(value.getByLabel('JSON text')).toContainText('"name": "Bruno"')
  await value.getByRole('button', { name: 'Compact' }).click()
  await expect(value.getByLabel('JSON text')).toContainText('{"name":"Bruno","type":"Rat"')
  await grid(page).getByRole('gridcell').first().click()
  await page.keyboard.press('ArrowDown')
  await expect(value.getByLabel('JSON text')).toContainText('{"name":"Tom"')
})

test.describe('on PostgreSQL', () => {
  let db: TestDatabase
  test.beforeAll(async () => {
    db = await createTestDatabase('postgres')
  })
  test.afterAll(async () => {
    await db.drop()
  })

  test('a JSON document keeps digits beyond a double and its trailing zeros', async ({ page }) => {
    const exact = '{"id":9007199254740993,"price":1.10}'
    await openSluice(page)
    await connectTo(page, db.url)
    await query(page, `SELECT '{"id": 9007199254740993, "price": 1.10}'::json AS doc`, '1 row')
    await cell(page, exact).click()
    await page.keyboard.press('ControlOrMeta+C')
    await expect.poll(() => clipboardText(page)).toBe(exact)
    await page.getByRole('button', { name: 'Value panel' }).click()
    const value = page.getByRole('region', { name: 'Value' })
    await expect(value).toContainText('Compact and Pretty show the document as stored')
    await value.getByRole('button', { name: 'Pretty' }).click()
    await expect(value.getByLabel('JSON text')).toHaveText(
      '{\n  "id": 9007199254740993,\n  "price": 1.10\n}',
    )
    await value.getByRole('button', { name: 'Compact' }).click()
    await expect(value.getByLabel('JSON text')).toHaveText(exact)
  })
})

test('the value panel dumps binary with its length', async ({ page }) => {
  await openSluice(page)
  await query(page, "SELECT x'DEADBEEF' AS b", '1 row')
  await page.getByRole('button', { name: 'Value panel' }).click()
  await cell(page, '\\xdeadbeef').click()
  const value = page.getByRole('region', { name: 'Value' })
  await expect(value).toContainText('Binary · 4 bytes')
  await expect(value.getByLabel('Hex dump')).toContainText('00000000  de ad be ef')
})

test('NULL and the text NULL look and read differently', async ({ page }) => {
  await openSluice(page)
  await query(page, "SELECT NULL AS a, 'NULL' AS b", '1 row')
  const [none, text] = [
    grid(page).getByRole('gridcell').nth(0),
    grid(page).getByRole('gridcell').nth(1),
  ]
  await expect(none).toHaveText('NULL')
  await expect(text).toHaveText('NULL')
  await expect(none).toHaveClass(/cell-null/)
  await expect(text).not.toHaveClass(/cell-null/)

  await page.getByRole('button', { name: 'Value panel' }).click()
  const value = page.getByRole('region', { name: 'Value' })
  await none.click()
  await expect(value).toContainText('NULL: no value')
  await text.click()
  await expect(value).toContainText('Text · 4 characters')
  await expect(value.getByRole('textbox', { name: 'Text value' })).toHaveValue('NULL')
})

test('a table tab sorts by header clicks, and Shift+click adds a column', async ({ page }) => {
  await openSluice(page)
  await openTable(page, 'pets')
  const name = grid(page).getByRole('columnheader', { name: 'name' })
  const firstRow = grid(page).getByRole('row').nth(1)
  await expect(name).toHaveAttribute('aria-sort', 'none')
  await name.click()
  await expect(name).toHaveAttribute('aria-sort', 'ascending')
  await expect(firstRow).toContainText('Bruno')
  await name.click()
  await expect(name).toHaveAttribute('aria-sort', 'descending')
  await expect(firstRow).toContainText('Tom')
  const id = grid(page).getByRole('columnheader', { name: 'id' })
  await id.click({ modifiers: ['Shift'] })
  await expect(id).toHaveAttribute('aria-sort', 'ascending')
  await expect(name).toHaveAttribute('aria-sort', 'descending')
  await name.click()
  await expect(name).toHaveAttribute('aria-sort', 'none')
  await expect(id).toHaveAttribute('aria-sort', 'none')
})

test('reorders columns by dragging a header, and tabbing in lands on a cell', async ({ page }) => {
  await openSluice(page)
  await query(page, 'SELECT id, username, email FROM auth_user ORDER BY id LIMIT 3', '3 rows')
  const header = (name: string) => grid(page).getByRole('columnheader', { name })
  const from = (await header('email').boundingBox())!
  const to = (await header('id').boundingBox())!
  await page.mouse.move(from.x + 20, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + 10, to.y + to.height / 2, { steps: 8 })
  await page.mouse.up()
  const x = async (name: string) => (await header(name).boundingBox())!.x
  await expect.poll(() => x('email')).toBeLessThan(await x('id'))
  expect(await x('id')).toBeLessThan(await x('username'))
  // A drag is not a click: the column is not selected.
  await expect(selected(page)).toHaveCount(0)

  await page.getByRole('button', { name: 'Export…' }).focus()
  await page.keyboard.press('Tab')
  await expect(selected(page)).toHaveCount(1)
  await page.keyboard.press('ControlOrMeta+C')
  await expect.poll(() => clipboardText(page)).toBe('user1@example.com')
})

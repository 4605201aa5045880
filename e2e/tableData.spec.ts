import { expect, test, type Locator, type Page } from '@playwright/test'
import { allDialects, createTestDatabase, type TestDatabase } from '../main/testing/testDatabases'
import { createItems, itemCount, items, type Item } from '../main/testing/browseItems'
import { clipboardText, connectTo, editor, grid, openSluice, openTable, runSql } from './workbench'

/** Where NULL sorts: above every value on PostgreSQL, below on MySQL/MariaDB and SQLite. */
const nullsHigh = { sqlite: false, postgres: true, mysql: false } as const

const header = (page: Page, name: string) =>
  grid(page).getByRole('columnheader', { name, exact: true })

/** The cells of the grid's first data row, row number left out. */
const firstRow = (page: Page) => grid(page).getByRole('row').nth(1).getByRole('gridcell')

async function widthOf(locator: Locator): Promise<number> {
  return (await locator.boundingBox())!.width
}

for (const dialect of allDialects) {
  test.describe(`table data on ${dialect}`, () => {
    let db: TestDatabase

    test.beforeAll(async () => {
      db = await createTestDatabase(dialect)
      await createItems(dialect, db.url)
    })
    test.afterAll(async () => {
      await db.drop()
    })

    test('opens a table; sorts, filters and pages on the server; copies a range; resizes; shows JSON and bytes', async ({
      page,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'])
      const all = items()
      await openSluice(page)
      await connectTo(page, db.url)
      const table = await openTable(page, 'items')
      const position = table.getByTestId('page-position')
      await expect(position).toContainText('Rows 1–1,000')
      await expect(
        grid(page).getByRole('gridcell', { name: 'item 0001', exact: true }),
      ).toBeVisible()

      // Sorted by the database: score (NULLs where the dialect puts them), then id with Shift.
      await header(page, 'score').click()
      await expect(header(page, 'score')).toHaveAttribute('aria-sort', 'ascending')
      await header(page, 'id').click({ modifiers: ['Shift'] })
      await expect(header(page, 'id')).toHaveAttribute('aria-sort', 'ascending')
      const rank = (item: Item) =>
        item.score === null ? (nullsHigh[dialect] ? Infinity : -Infinity) : item.score
      const byScore = [...all].sort((a, b) => rank(a) - rank(b) || a.id - b.id)
      await expect(firstRow(page).first()).toHaveText(String(byScore[0]!.id))
      // A plain click sorts by that column alone; a second click turns it round.
      await header(page, 'name').click()
      await header(page, 'name').click()
      await expect(header(page, 'name')).toHaveAttribute('aria-sort', 'descending')
      await expect(header(page, 'score')).toHaveAttribute('aria-sort', 'none')
      await expect(firstRow(page).nth(1)).toHaveText('item 2500')
      await header(page, 'name').click()
      await expect(header(page, 'name')).toHaveAttribute('aria-sort', 'none')
      // The keyboard's way: the column's menu sorts too.
      await grid(page).getByRole('button', { name: 'Column menu for id' }).focus()
      await page.keyboard.press('Enter')
      await page
        .getByRole('menu', { name: 'Column id' })
        .getByRole('menuitem', { name: 'Sort descending' })
        .click()
      await expect(header(page, 'id')).toHaveAttribute('aria-sort', 'descending')
      await expect(firstRow(page).first()).toHaveText(String(itemCount))
      await grid(page).getByRole('button', { name: 'Column menu for id' }).click()
      await page
        .getByRole('menu', { name: 'Column id' })
        .getByRole('menuitem', { name: 'Remove from sort' })
        .click()
      await expect(header(page, 'id')).toHaveAttribute('aria-sort', 'none')

      // A condition without its value is not applied as a test for ''; the bar keeps Apply in reach.
      await table.getByRole('button', { name: 'Add condition' }).click()
      await table.getByRole('button', { name: 'Add condition' }).click()
      await table.getByRole('button', { name: 'Add condition' }).click()
      await expect(table.getByRole('button', { name: 'Apply' })).toBeInViewport()
      await table.getByRole('button', { name: 'Apply' }).click()
      await expect(table.getByRole('alert')).toContainText('Condition 1 needs a value')
      await table.getByRole('button', { name: 'Remove condition 3' }).click()
      await table.getByRole('button', { name: 'Remove condition 2' }).click()
      await expect(position).toContainText('Rows 1–1,000')

      // A condition and a raw WHERE, counted exactly on request.
      const condition = table.getByRole('group', { name: 'Condition 1' })
      await condition.getByLabel('Column').selectOption('score')
      await condition.getByLabel('Operator').selectOption({ label: '=' })
      await condition.getByLabel('Value').fill('3')
      await table.getByLabel('WHERE').fill('id > 1000')
      await table.getByLabel('WHERE').press('Enter')
      const wanted = all.filter((i) => i.score === 3 && i.id > 1000)
      await expect(position).toContainText(`Rows 1–${wanted.length}`)
      await table.getByRole('button', { name: 'Count rows' }).click()
      await expect(position).toContainText(`of ${wanted.length}`)
      await expect(firstRow(page).first()).toHaveText(String(wanted[0]!.id))
      await table.getByRole('button', { name: 'Clear filters' }).click()
      await expect(position).toContainText('Rows 1–1,000')

      // To the end and back a page, numbered.
      await table.getByRole('button', { name: 'Last page' }).click()
      await expect(position).toHaveText('Rows 1,501–2,500 of 2,500')
      await expect(table.getByRole('button', { name: 'Next page' })).toBeDisabled()
      await grid(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
      await expect(
        grid(page).getByRole('gridcell', { name: 'item 2500', exact: true }),
      ).toBeVisible()
      await table.getByRole('button', { name: 'Previous page' }).click()
      await expect(position).toHaveText('Rows 501–1,500 of 2,500')
      await table.getByRole('button', { name: 'First page' }).click()
      await expect(position).toHaveText('Rows 1–1,000 of 2,500')

      // A range copied as TSV, read back from the clipboard.
      await grid(page).getByRole('gridcell', { name: 'item 0001', exact: true }).click()
      const corner = grid(page).getByRole('row').nth(3).getByRole('gridcell').nth(2)
      await corner.click({ modifiers: ['Shift'] })
      await page.keyboard.press('ControlOrMeta+C')
      const expected = all
        .slice(0, 3)
        .map((i) => `${i.name}\t${i.score ?? ''}`)
        .join('\n')
      await expect.poll(() => clipboardText(page)).toBe(expected)

      // Resized by dragging the header's edge.
      const before = await widthOf(header(page, 'name'))
      const edge = grid(page).getByRole('separator', { name: 'Resize name' })
      const box = (await edge.boundingBox())!
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await page.mouse.down()
      await page.mouse.move(box.x + box.width / 2 + 90, box.y + box.height / 2, { steps: 5 })
      await page.mouse.up()
      await expect.poll(() => widthOf(header(page, 'name'))).toBeGreaterThan(before + 60)

      // The value panel: JSON as a tree, bytes as hex with their length.
      await table.getByRole('button', { name: 'Value panel' }).click()
      const value = page.getByRole('region', { name: 'Value' })
      await firstRow(page).nth(3).click()
      await expect(value.getByRole('tree')).toContainText('tag')
      await expect(value.getByRole('tree')).toContainText('"t1"')
      await firstRow(page).nth(4).click()
      await expect(value).toContainText('4 bytes')
      await expect(value.getByLabel('Hex dump')).toContainText('00 00 00 01')
    })

    test('keeps two connections side by side, their tabs and unsaved text through a reload, in dark mode', async ({
      page,
    }) => {
      await openSluice(page)
      await connectTo(page, db.url)
      const connections = page.getByRole('navigation', { name: 'Connections' })
      await expect(connections.getByRole('listitem')).toHaveCount(2)
      await openTable(page, 'items')
      await page.getByRole('button', { name: 'New query tab' }).click()
      await editor(page).click()
      await page.keyboard.insertText("SELECT 'kept across a reload' AS unsaved")
      const dbTabs = page.getByRole('tablist', { name: /^Tabs of / }).filter({ visible: true })
      await expect(dbTabs.getByRole('tab')).toHaveText(['Query 1', 'items', /Query 2/])

      // The demo keeps its own tabs beside them.
      await connections.getByRole('button', { name: /^SQLite demo\.sqlite/ }).click()
      await openTable(page, 'pets')
      const demoTabs = page.getByRole('tablist', { name: /^Tabs of / }).filter({ visible: true })
      await expect(demoTabs.getByRole('tab')).toHaveText(['Query 1', 'pets'])
      await connections.getByRole('listitem').nth(1).getByRole('button').first().click()
      await expect(dbTabs.getByRole('tab')).toHaveText(['Query 1', 'items', /Query 2/])

      await page.getByRole('button', { name: 'Dark theme' }).click()
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      const background = () =>
        page.evaluate(() => {
          type Page = {
            document: { documentElement: unknown }
            getComputedStyle(element: unknown): { backgroundColor: string }
          }
          const { document, getComputedStyle } = globalThis as unknown as Page
          return getComputedStyle(document.documentElement).backgroundColor
        })
      expect(await background()).toBe('rgb(13, 17, 23)')

      // F5 on the address the app shows, which no longer holds the token.
      await page.reload()
      expect(new URL(page.url()).searchParams.get('token')).toBeNull()
      await expect(connections.getByRole('listitem')).toHaveCount(2)
      await expect(dbTabs.getByRole('tab')).toHaveText(['Query 1', 'items', /Query 2/])
      await expect(editor(page)).toContainText('kept across a reload')
      await expect(dbTabs.getByRole('tab', { name: /Query 2/ })).toHaveAttribute(
        'aria-selected',
        'true',
      )
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      await dbTabs.getByRole('tab', { name: 'items' }).click()
      await expect(
        grid(page).getByRole('gridcell', { name: 'item 0001', exact: true }),
      ).toBeVisible()
      await connections.getByRole('button', { name: /^SQLite demo\.sqlite/ }).click()
      await expect(demoTabs.getByRole('tab')).toHaveText(['Query 1', 'pets'])

      // A history entry opens on the connection it ran on, not on the one in front.
      await connections.getByRole('listitem').nth(1).getByRole('button').first().click()
      await dbTabs.getByRole('tab', { name: /Query 2/ }).click()
      await runSql(page, `SELECT 'ran on ${dialect}' AS origin`)
      await expect(grid(page).getByRole('gridcell', { name: `ran on ${dialect}` })).toBeVisible()
      await connections.getByRole('button', { name: /^SQLite demo\.sqlite/ }).click()
      await page.getByRole('tab', { name: 'History' }).click()
      await page.getByLabel('Search history').fill(`'ran on ${dialect}'`)
      await page.getByRole('list', { name: 'History' }).getByRole('button').first().click()
      await expect(
        connections.getByRole('listitem').nth(1).getByRole('button').first(),
      ).toHaveAttribute('aria-current', 'true')
      await expect(editor(page)).toContainText(`ran on ${dialect}`)
    })
  })
}

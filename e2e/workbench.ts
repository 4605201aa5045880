import { expect, type Page } from '@playwright/test'

/** Opens Sluice as a person would: the URL `sluice serve` printed. */
export async function openSluice(page: Page): Promise<void> {
  await page.goto(process.env.SLUICE_E2E_URL!)
  await expect(page.getByTestId('connection-title')).toContainText('demo.sqlite')
  await expect(page.getByRole('tree', { name: 'Schema' })).toBeVisible()
}

/** Replaces the editor's text the way a paste does, then runs it with Ctrl+Enter. */
export function runSql(page: Page, sql: string): Promise<void> {
  return pasteAndPress(page, sql, 'ControlOrMeta+Enter')
}

/** Replaces the editor's text and runs every statement in it with Ctrl+Shift+Enter. */
export function runAll(page: Page, sql: string): Promise<void> {
  return pasteAndPress(page, sql, 'ControlOrMeta+Shift+Enter')
}

/** The SQL editor on show: other connections' tabs keep theirs, hidden. */
export function editor(page: Page) {
  return page.getByTestId('sql-editor').filter({ visible: true })
}

async function pasteAndPress(page: Page, sql: string, keys: string): Promise<void> {
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(sql)
  await page.keyboard.press(keys)
}

/** Opens another database through the connect dialog's URL field. */
export async function connectTo(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect to a database' })
  await dialog.getByLabel('Connection URL').fill(url)
  await dialog.getByRole('button', { name: 'Connect' }).click()
  await expect(dialog).toBeHidden()
}

/** The grid on show: hidden tabs may keep grids of their own. */
export function grid(page: Page) {
  return page.getByTestId('results-grid').filter({ visible: true })
}

/** The schema tree of the connection in front. */
export function tree(page: Page) {
  return page.getByRole('tree', { name: 'Schema' })
}

/** Opens a table's tab from the tree, as a double-click does, and returns the tab's region. */
export async function openTable(page: Page, name: string) {
  await tree(page).getByRole('treeitem', { name, exact: true }).dblclick()
  const region = page.getByRole('region', { name: `Table ${name}` })
  await expect(region).toBeVisible()
  return region
}

/** Runs one item of an object's context menu in the tree. */
export async function treeMenu(page: Page, name: string, item: string): Promise<void> {
  await tree(page).getByRole('treeitem', { name, exact: true }).click({ button: 'right' })
  await page
    .getByRole('menu', { name: `Actions on ${name}` })
    .getByRole('menuitem', { name: item })
    .click()
}

/**
 * A SQLite query that would run for ever. It yields rows, so cancelling it
 * stops it; one long aggregate step could not be interrupted.
 */
export const endlessQuery =
  'WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000000000000) SELECT n FROM s'

type LongTasks = { longTasks: number[] }

/** Records every long task (over 50 ms) from the page's first script on. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const durations: number[] = []
    ;(globalThis as unknown as LongTasks).longTasks = durations
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration)
    }).observe({ type: 'longtask' as never, buffered: true })
  })
}

export async function forgetLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as LongTasks).longTasks.length = 0))
}

/** The longest task recorded, in milliseconds; 0 when there was none. */
export function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...(globalThis as unknown as LongTasks).longTasks))
}

type WithClipboard = { navigator: { clipboard: { readText(): Promise<string> } } }

/** The clipboard's text, as a paste would read it; the context needs the clipboard-read permission. */
export function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (globalThis as unknown as WithClipboard).navigator.clipboard.readText(),
  )
}

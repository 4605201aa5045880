import { expect, type Page } from '@playwright/test'

/** Opens Sluice as a person would: the URL `sluice serve` printed. */
export async function openSluice(page: Page): Promise<void> {
  await page.goto(process.env.SLUICE_E2E_URL!)
  await expect(page.getByTestId('connection-title')).toContainText('demo.sqlite')
  await expect(page.getByRole('tree', { name: 'Schema' })).toBeVisible()
}

/** Replaces the editor's text the way a paste does, then runs it with Ctrl+Enter. */
export async function runSql(page: Page, sql: string): Promise<void> {
  const editor = page.getByTestId('sql-editor')
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(sql)
  await page.keyboard.press('ControlOrMeta+Enter')
}

export function grid(page: Page) {
  return page.getByTestId('results-grid')
}

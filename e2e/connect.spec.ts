import { createServer, type AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import {
  authTestUser,
  createTestDatabase,
  ensureAuthTestUsers,
  type TestDatabase,
} from '../main/testing/testDatabases'
import { grid, openSluice, runSql } from './workbench'

for (const dialect of ['postgres', 'mysql'] as const) {
  test.describe(`connect to ${dialect}`, () => {
    let db: TestDatabase

    test.beforeAll(async () => {
      db = await createTestDatabase(dialect)
      await ensureAuthTestUsers()
    })
    test.afterAll(async () => {
      await db.drop()
    })

    test('tests a pasted URL, connects, and browses the new database', async ({ page }) => {
      await openSluice(page)
      await page.getByRole('button', { name: 'Connect…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Connect to a database' })
      await dialog.getByLabel('Connection URL').fill(db.url)
      await dialog.getByRole('button', { name: 'Test' }).click()
      await expect(dialog).toContainText(
        dialect === 'postgres' ? 'Connected: PostgreSQL' : 'Connected: MariaDB',
      )
      await dialog.getByRole('button', { name: 'Connect' }).click()
      await expect(dialog).toBeHidden()
      await expect(page.getByTestId('connection-title')).toContainText(db.url.split('/').pop()!)
      // The server's product and version number, not the product alone.
      await expect(page.getByTestId('connection-title')).toContainText(
        dialect === 'postgres' ? /PostgreSQL \d+\.\d+/ : /MariaDB \d+\.\d+\.\d+/,
      )

      await runSql(page, 'CREATE TABLE visits (id int PRIMARY KEY, note varchar(20))')
      await expect(page.getByTestId('query-status')).toHaveText('Done')
      // The browser reads the schema again after DDL.
      await expect(
        page.getByRole('tree', { name: 'Schema' }).getByRole('treeitem', { name: 'visits' }),
      ).toBeVisible()
      await runSql(page, "INSERT INTO visits VALUES (1, 'first'), (2, NULL)")
      await expect(page.getByTestId('row-count')).toHaveText('2 rows affected')
      await runSql(page, 'SELECT * FROM visits ORDER BY id')
      await expect(grid(page).getByRole('gridcell', { name: 'first' })).toBeVisible()
      await expect(grid(page).getByRole('gridcell', { name: 'NULL' })).toHaveClass(/cell-null/)
    })

    test('says plainly when the password is wrong', async ({ page }) => {
      await openSluice(page)
      await page.getByRole('button', { name: 'Connect…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Connect to a database' })
      const url = new URL(db.url)
      url.username = authTestUser.name
      url.password = 'wrong-password'
      await dialog.getByLabel('Connection URL').fill(url.toString())
      await dialog.getByRole('button', { name: 'Test' }).click()
      await expect(dialog.getByTestId('error-panel')).toContainText('Authentication failed')
      await expect(dialog.getByTestId('error-panel')).not.toContainText(/at \S+ \(.*:\d+:\d+\)/)
    })
  })
}

test('fills in fields instead of a URL', async ({ page }) => {
  await openSluice(page)
  await page.getByRole('button', { name: 'Connect…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect to a database' })
  await dialog.getByRole('tab', { name: 'Fields' }).click()
  await dialog.getByLabel('Port').fill('1')
  await dialog.getByRole('button', { name: 'Test' }).click()
  await expect(dialog.getByTestId('error-panel')).toContainText(
    'Cannot reach PostgreSQL at 127.0.0.1:1',
  )
})

test('shows that a test is under way against a host that never answers, then says it timed out', async ({
  page,
}) => {
  // Accepts connections and never replies, like a host behind a dropping firewall.
  const silent = createServer(() => undefined)
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  try {
    await openSluice(page)
    await page.getByRole('button', { name: 'Connect…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Connect to a database' })
    await dialog
      .getByLabel('Connection URL')
      .fill(`postgres://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/postgres`)
    await dialog.getByRole('button', { name: 'Test' }).click()
    await expect(dialog.getByRole('status')).toHaveText('Testing the connection…')
    await expect(dialog.getByRole('button', { name: 'Connect' })).toBeDisabled()
    await expect(dialog.getByTestId('error-panel')).toContainText('Timed out', { timeout: 20_000 })
    await expect(dialog.getByRole('status')).toHaveCount(0)
  } finally {
    silent.close()
  }
})

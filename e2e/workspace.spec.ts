import { expect, test } from '@playwright/test'
import { createTestDatabase, type TestDatabase } from '../main/testing/testDatabases'
import { run } from '../main/testing/storyDatabase'
import { connectTo, editor, grid, openSluice, runSql, tree, treeMenu } from './workbench'

test('every action is in the command palette with its shortcut, and the shortcuts work', async ({
  page,
}) => {
  await openSluice(page)
  const tabs = page.getByRole('tablist', { name: /^Tabs of / }).filter({ visible: true })
  await expect(tabs.getByRole('tab')).toHaveCount(1)

  await page.keyboard.press('ControlOrMeta+Shift+P')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  const options = palette.getByRole('option')
  for (const [title, keys] of [
    ['Run statement', /Ctrl\+Enter|⌘Enter/],
    ['New query tab', /Alt\+T|⌥T/],
    ['Close tab', /Alt\+W|⌥W/],
    ['Next tab', /Alt\+PageDown|⌥PageDown/],
    ['Focus the schema tree', /Alt\+Shift\+S|⌥⇧S/],
    ['Focus the editor', /Alt\+Shift\+E|⌥⇧E/],
    ['Switch between dark and light', /./],
  ] as const)
    await expect(options.filter({ hasText: title })).toContainText(keys)
  // Esc closes a dialog, and typing narrows the list; Enter runs the one chosen.
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
  await page.keyboard.press('F1')
  await palette.getByRole('combobox', { name: 'Command' }).fill('new query')
  await expect(options).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(tabs.getByRole('tab')).toHaveCount(2)

  // Tabs by keyboard: new, next, previous, close.
  await page.keyboard.press('Alt+T')
  await expect(tabs.getByRole('tab')).toHaveCount(3)
  await expect(tabs.getByRole('tab').nth(2)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Alt+PageDown')
  await expect(tabs.getByRole('tab').nth(0)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Alt+PageUp')
  await expect(tabs.getByRole('tab').nth(2)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Alt+W')
  await expect(tabs.getByRole('tab')).toHaveCount(2)

  // Focus the tree, walk it with the arrows, open a table with Enter; back to an editor.
  await page.keyboard.press('Alt+Shift+S')
  await expect(tree(page)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(tree(page).getByRole('treeitem', { name: 'pets' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await page.keyboard.press('Enter')
  await expect(tabs.getByRole('tab', { name: 'pets' })).toHaveAttribute('aria-selected', 'true')
  await tabs.getByRole('tab', { name: 'Query 1' }).click()
  await page.keyboard.press('Alt+Shift+S')
  await expect(tree(page)).toBeFocused()
  await page.keyboard.press('Alt+Shift+E')
  await expect
    .poll(() => editor(page).evaluate((host) => host.contains(host.ownerDocument.activeElement)))
    .toBe(true)

  // Shift+Alt+F formats, however the shortcut's modifiers are written; Esc leaves the palette for the editor it came from.
  await runSql(page, 'select 1 as one, 2 as two')
  await page.keyboard.press('Shift+Alt+F')
  await expect(editor(page)).toContainText('SELECT')
  await page.keyboard.press('ControlOrMeta+Shift+P')
  await page.keyboard.press('Escape')
  await expect
    .poll(() => editor(page).evaluate((host) => host.contains(host.ownerDocument.activeElement)))
    .toBe(true)

  // Closing a tab or a connection with unsaved text asks first, naming it.
  await page.keyboard.type(' -- more')
  await page.keyboard.press('Alt+W')
  const discard = page.getByRole('dialog', { name: /^Discard the unsaved text in Query/ })
  await discard.getByRole('button', { name: 'Cancel' }).click()
  await expect(tabs.getByRole('tab', { name: /Query 1/ })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Connections' })
    .getByRole('button', { name: /^Close connection demo\.sqlite/ })
    .click()
  const closing = page.getByRole('dialog', { name: /^Close sqlite:/ })
  await expect(closing).toContainText('Query 1')
  await closing.getByRole('button', { name: 'Cancel' }).click()
  await expect(tree(page)).toBeVisible()

  // Esc closes the connect dialog too.
  await page.getByRole('button', { name: 'Connect…' }).click()
  await expect(page.getByRole('dialog', { name: 'Connect to a database' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Connect to a database' })).toBeHidden()
})

test('the sidebar and the editor split are resized and stay so after a reload', async ({
  page,
}) => {
  await openSluice(page)
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' })
  const width = async () => (await sidebar.boundingBox())!.width
  const before = await width()
  const splitter = page.getByRole('separator', { name: 'Resize the sidebar' })
  const box = (await splitter.boundingBox())!
  await page.mouse.move(box.x + 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(box.x + 122, box.y + 200, { steps: 4 })
  await page.mouse.up()
  await expect.poll(width).toBeGreaterThan(before + 100)
  const split = page.getByRole('separator', { name: 'Resize the editor and results' })
  await split.focus()
  await page.keyboard.press('Shift+ArrowDown')
  const share = await split.getAttribute('aria-valuenow')
  await page.reload()
  await expect.poll(width).toBeGreaterThan(before + 100)
  await expect(split).toHaveAttribute('aria-valuenow', share!)
})

test('the context menu generates statements, and truncates and drops only after naming the object', async ({
  page,
}) => {
  await openSluice(page)
  await runSql(page, "CREATE TABLE e2e_menu (id INTEGER PRIMARY KEY, label TEXT DEFAULT 'x')")
  await runSql(page, "INSERT INTO e2e_menu (label) VALUES ('a'), ('b')")
  await expect(tree(page).getByRole('treeitem', { name: 'e2e_menu' })).toBeVisible()

  await treeMenu(page, 'e2e_menu', 'Generate SELECT')
  await expect(editor(page)).toContainText('FROM "main"."e2e_menu"')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(grid(page).getByRole('gridcell', { name: 'b', exact: true })).toBeVisible()
  await treeMenu(page, 'e2e_menu', 'Generate INSERT')
  await expect(editor(page)).toContainText('INSERT INTO "main"."e2e_menu"')

  await treeMenu(page, 'e2e_menu', 'Truncate…')
  const ask = page.getByRole('dialog', { name: 'Truncate table e2e_menu?' })
  await expect(ask).toContainText('deletes every row of “e2e_menu”')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await runSql(page, 'SELECT count(*) AS n FROM e2e_menu')
  await expect(grid(page).getByRole('gridcell', { name: '2', exact: true })).toBeVisible()
  await treeMenu(page, 'e2e_menu', 'Truncate…')
  await ask.getByRole('button', { name: 'Truncate table e2e_menu' }).click()
  await expect(ask).toBeHidden()
  await runSql(page, 'SELECT count(*) AS n FROM e2e_menu')
  await expect(grid(page).getByRole('gridcell', { name: '0', exact: true })).toBeVisible()

  await runSql(page, 'CREATE TRIGGER e2e_stamp AFTER INSERT ON e2e_menu BEGIN SELECT 1; END')
  const triggers = tree(page).getByRole('treeitem', { name: 'Triggers' })
  await expect(triggers).toBeVisible()
  await triggers.getByRole('button', { name: /Expand Triggers/ }).click()
  await tree(page).getByRole('treeitem', { name: 'e2e_stamp' }).dblclick()
  await expect(page.getByRole('region', { name: 'Definition of e2e_stamp' })).toContainText(
    'CREATE TRIGGER',
  )

  await treeMenu(page, 'e2e_menu', 'Drop…')
  const drop = page.getByRole('dialog', { name: 'Drop table e2e_menu?' })
  await drop.getByRole('button', { name: 'Drop table e2e_menu' }).click()
  await expect(tree(page).getByRole('treeitem', { name: 'e2e_menu' })).toHaveCount(0)
})

test('a page opened without its token says to open the URL sluice serve printed', async ({
  page,
}) => {
  const bare = new URL(process.env.SLUICE_E2E_URL!)
  bare.search = ''
  const answer = await page.goto(bare.toString())
  expect(answer?.status()).toBe(401)
  await expect(page.getByText(/sluice serve/)).toBeVisible()
})

test.describe('other objects on PostgreSQL and MariaDB', () => {
  let pg: TestDatabase
  let maria: TestDatabase

  test.beforeAll(async () => {
    pg = await createTestDatabase('postgres')
    maria = await createTestDatabase('mysql')
    await run(pg.url, [
      "CREATE TYPE mood AS ENUM ('sad', 'ok')",
      'CREATE SEQUENCE ticket_numbers',
      'CREATE FUNCTION add_one(n integer) RETURNS integer LANGUAGE sql AS $$ SELECT n + 1 $$',
    ])
    await run(maria.url, [
      'CREATE PROCEDURE tidy_up() SELECT 1',
      'CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO SELECT 1',
    ])
  })
  test.afterAll(async () => {
    await pg.drop()
    await maria.drop()
  })

  test('the tree lists types, sequences and functions, and procedures and events, with their DDL', async ({
    page,
  }) => {
    await openSluice(page)
    for (const [db, folders] of [
      [pg, ['Types', 'Sequences', 'Functions']],
      [maria, ['Procedures', 'Events']],
    ] as const) {
      await connectTo(page, db.url)
      for (const folder of folders)
        await expect(tree(page).getByRole('treeitem', { name: folder })).toBeVisible()
    }
    await tree(page)
      .getByRole('button', { name: /Expand Events/ })
      .click()
    await expect(tree(page).getByRole('treeitem', { name: 'nightly' })).toContainText('EVERY 1 DAY')
    await treeMenu(page, 'nightly', 'Open definition')
    await expect(page.getByRole('region', { name: 'Definition of nightly' })).toContainText(
      'CREATE',
    )
  })
})

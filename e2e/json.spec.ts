import { expect, test, type Page } from '@playwright/test'
import { editor, grid, openSluice, runAll, treeMenu } from './workbench'

async function openJsonEditor(page: Page) {
  await treeMenu(page, 'pets', 'Query JSON')
  return page.getByRole('region', { name: 'JSON in pets' })
}

test('the shape panel lists the keys of pets.data with the share of rows that have them', async ({
  page,
}) => {
  await openSluice(page)
  const view = await openJsonEditor(page)
  const shape = view.getByRole('complementary', { name: 'JSON shape' })
  await expect(shape.locator('[data-path="breed"] > button')).toContainText('67%')
  await expect(shape.locator('[data-path="breed"] > button')).toContainText('string')
  await expect(shape.locator('[data-path="favorite_food[*].brand"] > button')).toContainText('33%')
  await expect(shape.locator('[data-path="nickname"] > button')).toContainText('67%')
})

test('the builder makes breed__icontains="mix", which finds Tom, with its SQL shown', async ({
  page,
}) => {
  await openSluice(page)
  const view = await openJsonEditor(page)
  // Every row shows before any filter is run.
  await expect(view.getByText('3 rows', { exact: true })).toBeVisible()
  await expect(grid(page).getByRole('row')).toHaveCount(4)
  await view
    .getByRole('complementary', { name: 'JSON shape' })
    .getByRole('button', { name: /^breed/ })
    .click()
  const builder = view.getByRole('group', { name: 'Filter builder' })
  await expect(builder.getByLabel('Path')).toHaveValue('breed')
  await builder.getByLabel('Operator').selectOption('icontains')
  await builder.getByLabel('Value').fill('"mix"')
  await builder.getByRole('button', { name: 'Add' }).click()
  await expect(view.getByRole('textbox', { name: 'Filter lookups' })).toHaveValue(
    'breed__icontains="mix"',
  )
  await view.getByRole('button', { name: 'Run filter' }).click()
  await expect(view.getByLabel('Generated SQL')).toContainText('sluice_lower')
  await expect(view.getByText('1 row', { exact: true })).toBeVisible()
  await expect(grid(page).getByRole('row')).toHaveCount(2)
  await expect(grid(page).getByRole('gridcell').nth(1)).toHaveText('Tom')

  await view.getByRole('button', { name: 'Open in editor' }).click()
  await expect(editor(page)).toContainText('SELECT * FROM')
})

test("typing json_extract(data,'$. in the editor offers the keys of pets.data", async ({
  page,
}) => {
  await openSluice(page)
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText('SELECT * FROM pets WHERE ')
  await page.keyboard.type("json_extract(data,'$.")
  const nickname = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'nickname' })
  await expect(nickname.first()).toBeVisible()
  await expect(
    page
      .locator('.suggest-widget .monaco-list-row')
      .filter({ hasText: 'favorite_food[0].brand' })
      .first(),
  ).toBeVisible()
})

test('the tree viewer tells a string holding JSON from an object; filter by a value; edits stage only JSON', async ({
  page,
}) => {
  await openSluice(page)
  await runAll(
    page,
    `CREATE TABLE e2e_json_cells (id INTEGER PRIMARY KEY, data JSON);
INSERT INTO e2e_json_cells VALUES (1, '{"as_text": "{\\"a\\":1}", "as_object": {"a": 1}}');`,
  )
  await treeMenu(page, 'e2e_json_cells', 'Query JSON')
  const view = page.getByRole('region', { name: 'JSON in e2e_json_cells' })
  await view.getByRole('textbox', { name: 'Filter lookups' }).fill('has_key="as_text"')
  await view.getByRole('button', { name: 'Run filter' }).click()
  await grid(page).getByRole('gridcell').nth(1).click()
  const viewer = view.getByRole('complementary', { name: 'JSON viewer' })
  await expect(viewer.getByTestId('json-type')).toHaveText([
    'object {2}',
    'string',
    'object {1}',
    'number',
  ])
  await expect(viewer.getByRole('treeitem').nth(1)).toContainText('"{\\"a\\":1}"')

  await viewer
    .getByRole('treeitem')
    .nth(1)
    .getByRole('button', { name: 'Filter by this' })
    .first()
    .click()
  await expect(view.getByRole('textbox', { name: 'Filter lookups' })).toHaveValue(
    'has_key="as_text", as_text="{\\"a\\":1}"',
  )

  await viewer.getByRole('button', { name: 'Edit' }).click()
  const editor = viewer.getByLabel('New JSON value')
  // An edit that changes nothing stages nothing.
  await viewer.getByRole('button', { name: 'Stage' }).click()
  await expect(viewer.getByRole('alert')).toContainText('Unchanged')
  await expect(viewer.getByLabel('Staged change')).toHaveCount(0)
  await editor.fill('{"as_text": "x", "as_object": {"a": 2}')
  await viewer.getByRole('button', { name: 'Stage' }).click()
  await expect(viewer.getByRole('alert')).toContainText('Not JSON')
  await expect(viewer.getByLabel('Staged change')).toHaveCount(0)
  await editor.fill('{"as_text": "x", "as_object": {"a": 2}}')
  await viewer.getByRole('button', { name: 'Stage' }).click()
  await expect(viewer.getByLabel('Staged change')).toContainText(
    'UPDATE "main"."e2e_json_cells" SET "data" = \'{"as_text":"x","as_object":{"a":2}}\' WHERE "id" = 1',
  )

  await page
    .getByRole('tab', { name: /^Query \d/ })
    .first()
    .click()
  await runAll(page, 'DROP TABLE e2e_json_cells')
})

test('index advice shows the DDL for a filter and that the index does not exist yet', async ({
  page,
}) => {
  await openSluice(page)
  const view = await openJsonEditor(page)
  await view.getByRole('textbox', { name: 'Filter lookups' }).fill('breed="Mixed"')
  await view.getByRole('button', { name: 'Run filter' }).click()
  await view.getByRole('button', { name: 'Advise' }).click()
  const advice = view.getByRole('region', { name: 'Index advice' })
  await expect(advice.locator('pre')).toContainText('CREATE INDEX')
  await expect(advice.getByTestId('index-status')).toContainText('does not exist yet')
})

import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

test('the desktop app opens the demo, runs a JSON query and remembers its window', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'sluice-electron-'))
  try {
    const app = await electron.launch({
      args: ['out/main/index.js'],
      env: { ...process.env, SLUICE_USER_DATA: userData },
    })
    const window = await app.firstWindow()
    await expect(window.getByTestId('connection-title')).toContainText('demo.sqlite')

    // The page is sandboxed: no Node, only the bridge.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    )
    expect(
      await window.evaluate(() => typeof (window as { sluiceBridge?: unknown }).sluiceBridge),
    ).toBe('object')

    await window.getByTestId('sql-editor').click()
    await window.keyboard.press('ControlOrMeta+A')
    await window.keyboard.insertText(
      "SELECT name FROM pets WHERE json_extract(data,'$.type')='Cat'",
    )
    await window.keyboard.press('ControlOrMeta+Enter')
    await expect(
      window.getByTestId('results-grid').getByRole('gridcell', { name: 'Tom', exact: true }),
    ).toBeVisible()

    await app.close()
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as {
      width: number
    }
    expect(state.width).toBeGreaterThan(0)
    expect(existsSync(join(userData, 'demo.sqlite'))).toBe(true)
  } finally {
    rmSync(userData, { recursive: true, force: true })
  }
})

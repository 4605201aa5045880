import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadWindowState, saveWindowState } from './windowState'

describe('window state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-window-'))
  afterEach(() => rmSync(join(dir, 'window-state.json'), { force: true }))

  it('comes back as it was saved', () => {
    saveWindowState(dir, { x: 10, y: 20, width: 900, height: 700, maximized: true })
    expect(loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true })
  })

  it('falls back to defaults for a missing, corrupt or absurd file', () => {
    expect(loadWindowState(dir).width).toBe(1280)
    writeFileSync(join(dir, 'window-state.json'), '{not json')
    expect(loadWindowState(dir).height).toBe(820)
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ width: 5, height: 'tall' }))
    expect(loadWindowState(dir)).toMatchObject({ width: 1280, height: 820, maximized: false })
  })
})

import { describe, expect, it } from 'vitest'
import { comboOf, normalizeKeys } from './keys'

/** A key press as the browser reports it (this runs in Node, so not on a Mac: Mod is Ctrl). */
function press(code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}) {
  return comboOf({
    code,
    ctrlKey: mods.ctrl ?? false,
    metaKey: false,
    altKey: mods.alt ?? false,
    shiftKey: mods.shift ?? false,
  } as KeyboardEvent)
}

describe('shortcuts', () => {
  it('writes a press the way a shortcut is written, modifiers in one order', () => {
    expect(press('KeyF', { shift: true, alt: true })).toBe('Alt+Shift+F')
    expect(press('Enter', { ctrl: true, shift: true })).toBe('Mod+Shift+Enter')
    expect(press('Period', { ctrl: true })).toBe('Mod+.')
    expect(press('PageDown', { alt: true })).toBe('Alt+PageDown')
    expect(press('ShiftLeft', { shift: true })).toBeNull()
  })

  it('matches a shortcut however its modifiers are written', () => {
    for (const written of ['Shift+Alt+F', 'Alt+Shift+F'])
      expect(normalizeKeys(written)).toBe(press('KeyF', { shift: true, alt: true }))
    expect(normalizeKeys('Shift+Mod+Enter')).toBe('Mod+Shift+Enter')
    expect(normalizeKeys('F1')).toBe('F1')
    expect(normalizeKeys('Mod++')).toBe('Mod++')
  })
})

import { describe, expect, it } from 'vitest'
import { gridCommandFor, type KeyChord } from './gridKeys'

const chord = (key: string, modifiers: Partial<KeyChord> = {}): KeyChord => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
})

describe('gridCommandFor', () => {
  it('moves with arrows, Home/End and pages; Shift extends', () => {
    expect(gridCommandFor(chord('ArrowDown'))).toEqual({
      kind: 'move',
      move: 'down',
      extend: false,
    })
    expect(gridCommandFor(chord('ArrowLeft', { shiftKey: true }))).toEqual({
      kind: 'move',
      move: 'left',
      extend: true,
    })
    expect(gridCommandFor(chord('Home'))).toMatchObject({ move: 'rowStart' })
    expect(gridCommandFor(chord('End', { shiftKey: true }))).toMatchObject({
      move: 'rowEnd',
      extend: true,
    })
    expect(gridCommandFor(chord('PageDown'))).toMatchObject({ move: 'pageDown' })
  })

  it('Ctrl or Cmd with Home/End and arrows goes to the edges', () => {
    expect(gridCommandFor(chord('Home', { ctrlKey: true }))).toMatchObject({ move: 'gridStart' })
    expect(gridCommandFor(chord('End', { metaKey: true }))).toMatchObject({ move: 'gridEnd' })
    expect(gridCommandFor(chord('ArrowDown', { ctrlKey: true }))).toMatchObject({
      move: 'columnEnd',
    })
    expect(gridCommandFor(chord('ArrowLeft', { metaKey: true }))).toMatchObject({
      move: 'rowStart',
    })
  })

  it('selects all, copies, collapses and opens the menu', () => {
    expect(gridCommandFor(chord('a', { ctrlKey: true }))).toEqual({ kind: 'selectAll' })
    expect(gridCommandFor(chord('A', { metaKey: true, shiftKey: true }))).toEqual({
      kind: 'selectAll',
    })
    expect(gridCommandFor(chord('c', { metaKey: true }))).toEqual({ kind: 'copy' })
    expect(gridCommandFor(chord('Escape'))).toEqual({ kind: 'collapse' })
    expect(gridCommandFor(chord('F10', { shiftKey: true }))).toEqual({ kind: 'menu' })
    expect(gridCommandFor(chord('ContextMenu'))).toEqual({ kind: 'menu' })
  })

  it('leaves other keys to the page', () => {
    expect(gridCommandFor(chord('a'))).toBeNull()
    expect(gridCommandFor(chord('F10'))).toBeNull()
    expect(gridCommandFor(chord('Tab'))).toBeNull()
    expect(gridCommandFor(chord('ArrowDown', { altKey: true }))).toBeNull()
  })
})

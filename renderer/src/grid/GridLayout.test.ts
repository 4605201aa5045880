import { describe, expect, it } from 'vitest'
import {
  columnKeys,
  columnWidth,
  defaultColumnWidth,
  GridLayout,
  maxColumnWidth,
  minColumnWidth,
  visibleColumns,
} from './GridLayout'

const keys = ['id', 'name', 'age', 'note']

const shown = (layout: GridLayout) => visibleColumns(layout.getSnapshot(), keys).map((i) => keys[i])

describe('columnKeys', () => {
  it('keys repeated names apart, never colliding with a real name', () => {
    expect(columnKeys([{ name: 'id' }, { name: 'id' }, { name: 'x' }, { name: 'id' }])).toEqual([
      'id',
      'id#2',
      'x',
      'id#3',
    ])
    expect(columnKeys([{ name: 'a#2' }, { name: 'a' }, { name: 'a' }])).toEqual(['a#2', 'a', 'a#3'])
  })
})

describe('GridLayout', () => {
  it('starts with every column shown in result order at the default width', () => {
    const layout = new GridLayout()
    expect(shown(layout)).toEqual(keys)
    expect(columnWidth(layout.getSnapshot(), 'name')).toBe(defaultColumnWidth)
  })

  it('resizes within bounds and tells subscribers once per change', () => {
    const layout = new GridLayout()
    let calls = 0
    layout.subscribe(() => calls++)
    layout.resize('name', 250.4)
    layout.resize('name', 250)
    layout.resize('id', 1)
    layout.resize('age', 1e9)
    const state = layout.getSnapshot()
    expect(state.widths).toEqual({ name: 250, id: minColumnWidth, age: maxColumnWidth })
    expect(calls).toBe(3)
  })

  it('moves a column left and right past shown columns only', () => {
    const layout = new GridLayout()
    layout.move(keys, 'age', -1)
    expect(shown(layout)).toEqual(['id', 'age', 'name', 'note'])
    layout.hide('name')
    layout.move(keys, 'age', 1)
    expect(shown(layout)).toEqual(['id', 'note', 'age'])
    layout.move(keys, 'age', 1)
    expect(shown(layout)).toEqual(['id', 'note', 'age'])
    layout.show('name')
    expect(shown(layout)).toEqual(['id', 'name', 'note', 'age'])
  })

  it('moves a column to a drop position among the shown columns', () => {
    const layout = new GridLayout()
    layout.moveTo(keys, 'id', 4)
    expect(shown(layout)).toEqual(['name', 'age', 'note', 'id'])
    layout.moveTo(keys, 'note', 0)
    expect(shown(layout)).toEqual(['note', 'name', 'age', 'id'])
    layout.moveTo(keys, 'name', 1)
    expect(shown(layout)).toEqual(['note', 'name', 'age', 'id'])
  })

  it('hides, shows and shows all', () => {
    const layout = new GridLayout()
    layout.hide('id')
    layout.hide('note')
    expect(shown(layout)).toEqual(['name', 'age'])
    layout.showAll()
    expect(shown(layout)).toEqual(keys)
  })

  it('places columns it has not seen after the ordered ones, in result order', () => {
    const layout = new GridLayout({ widths: {}, order: ['note', 'gone', 'id'], hidden: [] })
    expect(shown(layout)).toEqual(['note', 'id', 'name', 'age'])
  })

  it('round-trips through JSON and ignores what is not a saved layout', () => {
    const layout = new GridLayout()
    layout.resize('name', 300)
    layout.move(keys, 'note', -3)
    layout.hide('age')
    const restored = GridLayout.from(JSON.parse(JSON.stringify(layout)))
    expect(restored.getSnapshot()).toEqual(layout.getSnapshot())
    expect(shown(restored)).toEqual(['note', 'id', 'name'])
    expect(GridLayout.from({ widths: 'wide' }).getSnapshot()).toEqual({
      widths: {},
      order: [],
      hidden: [],
    })
    expect(GridLayout.from(null).getSnapshot().order).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import type { ShapeNode } from '../../shared/json/shape'
import { storyPets } from '../testing/jsonPets'
import { inferShape, invalidJson } from './inferShape'

function flatten(node: ShapeNode): Record<string, Pick<ShapeNode, 'types' | 'rows' | 'presence'>> {
  const all: Record<string, Pick<ShapeNode, 'types' | 'rows' | 'presence'>> = {}
  const walk = (at: ShapeNode) => {
    for (const child of at.children) {
      all[child.label] = { types: child.types, rows: child.rows, presence: child.presence }
      walk(child)
    }
  }
  walk(node)
  return all
}

describe('inferShape', () => {
  it('gives the path tree of a known sample: types, presence and merged array elements', () => {
    const sample = [
      ...storyPets,
      {
        name: 'Rex',
        favorite_food: [{ brand: 'Zeta' }, { brand: 7, extra: null }],
        'odd key': true,
      },
      undefined,
      invalidJson,
    ]
    const shape = inferShape(sample, 'test')
    expect(shape.sampled).toBe(6)
    expect(shape.invalid).toBe(1)
    const paths = flatten(shape.root)
    expect(paths['breed']).toEqual({ types: { string: 2 }, rows: 2, presence: 33.3 })
    expect(paths['name']).toEqual({ types: { string: 4 }, rows: 4, presence: 66.7 })
    expect(paths['favorite_food']).toEqual({ types: { array: 2 }, rows: 2, presence: 33.3 })
    expect(paths['favorite_food[*]']).toEqual({ types: { object: 3 }, rows: 2, presence: 33.3 })
    expect(paths['favorite_food[*].brand']).toEqual({
      types: { string: 2, number: 1 },
      rows: 2,
      presence: 33.3,
    })
    expect(paths['favorite_food[*].extra']).toEqual({ types: { null: 1 }, rows: 1, presence: 16.7 })
    expect(paths['["odd key"]']).toEqual({ types: { boolean: 1 }, rows: 1, presence: 16.7 })
    const brand = shape.root.children
      .find((c) => c.key === 'favorite_food')!
      .children[0]!.children.find((c) => c.key === 'brand')!
    expect(brand.path).toEqual(['favorite_food', '0', 'brand'])
    expect(brand.examples).toEqual(['"Acme"', '"Zeta"', '7'])
  })

  it('says the story pets have breed in 67% of rows', () => {
    const breed = inferShape(storyPets, 'test').root.children.find((c) => c.key === 'breed')!
    expect(Math.round(breed.presence)).toBe(67)
  })
})

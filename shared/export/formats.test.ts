import { describe, expect, it } from 'vitest'
import { formatter } from './formats'

const columns = [
  { name: 'id', type: 'integer' },
  { name: 'id', type: 'integer' },
  { name: '__proto__', type: 'text' },
  { name: 'doc', type: 'json' },
]
const rows = [[1, 2, 'kept', { $json: { a: [1, null] } }]]

describe('row objects in JSON and NDJSON', () => {
  it('keep every column: a repeated name gets #2, and __proto__ stays a property', () => {
    const json = formatter('json', { dialect: 'postgres', table: 'result' })
    const text = json.start(columns) + json.rows(rows) + json.end()
    expect(text).toBe('[\n{"id":1,"id#2":2,"__proto__":"kept","doc":{"a":[1,null]}}\n]\n')
    const [parsed] = JSON.parse(text) as Record<string, unknown>[]
    expect(Object.keys(parsed!)).toEqual(['id', 'id#2', '__proto__', 'doc'])
    const ndjson = formatter('ndjson', { dialect: 'postgres', table: 'result' })
    expect(ndjson.start(columns) + ndjson.rows(rows)).toBe(
      '{"id":1,"id#2":2,"__proto__":"kept","doc":{"a":[1,null]}}\n',
    )
  })
})

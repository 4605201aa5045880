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

describe('JSON documents in every format', () => {
  const exact = '{"id":9007199254740993,"price":1.10,"k":1,"k":2}'
  const docColumns = [{ name: 'doc', type: 'json' }]
  const docRows = [[{ $json: JSON.parse(exact) as unknown, $text: exact }]]
  const write = (format: 'csv' | 'json' | 'ndjson' | 'sql') => {
    const f = formatter(format, { dialect: 'mysql', table: '`t`' })
    return f.start(docColumns) + f.rows(docRows) + f.end()
  }

  it('keep the digits, trailing zeros and repeated keys the server sent', () => {
    expect(write('csv')).toBe(`doc\n"${exact.replaceAll('"', '""')}"\n`)
    expect(write('json')).toBe(`[\n{"doc":${exact}}\n]\n`)
    expect(write('ndjson')).toBe(`{"doc":${exact}}\n`)
    expect(write('sql')).toBe(`INSERT INTO \`t\` (\`doc\`) VALUES ('${exact}');\n`)
  })
})

import { describe, expect, it } from 'vitest'
import type { Cell } from '../../../shared/cells'
import { formatCopy, toMarkdown, toTsv, tsvField } from './copyFormats'

const columns = [
  { name: 'id', type: 'bigint' },
  { name: 'note', type: 'text' },
  { name: 'data', type: 'json' },
  { name: 'raw', type: 'bytea' },
]
const deadbeef = { $bytes: btoa('\xde\xad\xbe\xef') }
const rows: Cell[][] = [
  [1, 'plain', { $json: { a: [1, 'x'] } }, deadbeef],
  ['9007199254740993', null, { $json: 'NULL' }, null],
  [3, 'tab\there, "quoted"\nnext line', null, { $bytes: '' }],
]

describe('TSV (Ctrl+C)', () => {
  it('quotes only values holding a tab, line break or quote, doubling the quotes', () => {
    expect(tsvField('plain')).toBe('plain')
    expect(tsvField('a\tb')).toBe('"a\tb"')
    expect(tsvField('a\r\nb')).toBe('"a\r\nb"')
    expect(tsvField('say "hi"')).toBe('"say ""hi"""')
  })

  it('writes NULL empty, JSON compact (quoted: it holds quotes), binary as \\x-hex, big integers exactly', () => {
    expect(toTsv(rows)).toBe(
      [
        '1\tplain\t"{""a"":[1,""x""]}"\t\\xdeadbeef',
        '9007199254740993\t\t"""NULL"""\t',
        '3\t"tab\there, ""quoted""\nnext line"\t\t\\x',
      ].join('\n'),
    )
  })

  it('copies one cell as its bare value', () => {
    expect(toTsv([['NULL']])).toBe('NULL')
    expect(toTsv([[null]])).toBe('')
    expect(toTsv([['say "hi"\nand go']])).toBe('say "hi"\nand go')
    expect(toTsv([[{ $json: { a: 1 } }]])).toBe('{"a":1}')
  })
})

describe('Copy as…', () => {
  it('CSV is the export: a header, RFC 4180 quoting, NULL empty', () => {
    expect(
      formatCopy(
        'csv',
        columns.slice(0, 2),
        rows.map((row) => row.slice(0, 2)),
      ),
    ).toBe('id,note\n1,plain\n9007199254740993,\n3,"tab\there, ""quoted""\nnext line"\n')
  })

  it('JSON is the export: an array of row objects, JSON inline, bytes as \\x-hex', () => {
    const text = formatCopy('json', columns, rows.slice(0, 2))
    expect(JSON.parse(text)).toEqual([
      { id: 1, note: 'plain', data: { a: [1, 'x'] }, raw: '\\xdeadbeef' },
      { id: '9007199254740993', note: null, data: 'NULL', raw: null },
    ])
  })

  it('SQL INSERT quotes names and literals in the dialect, into `result` by default', () => {
    const sql = (dialect: 'sqlite' | 'postgres' | 'mysql') =>
      formatCopy('sql', columns, [rows[0]!], { dialect, table: 'result' })
    expect(sql('sqlite')).toBe(
      `INSERT INTO "result" ("id", "note", "data", "raw") VALUES (1, 'plain', '{"a":[1,"x"]}', X'deadbeef');\n`,
    )
    expect(sql('postgres')).toContain(`'\\xdeadbeef'::bytea);\n`)
    expect(sql('mysql')).toMatch(/^INSERT INTO `result` \(`id`, `note`, `data`, `raw`\) VALUES/)
    expect(formatCopy('sql', columns.slice(0, 2), [rows[1]!.slice(0, 2)])).toBe(
      `INSERT INTO "result" ("id", "note") VALUES ('9007199254740993', NULL);\n`,
    )
  })

  it('SQL INSERT names a schema-qualified table and quotes a hostile name', () => {
    const target = { dialect: 'postgres' as const, schema: 'app', table: 'my "pets"' }
    expect(formatCopy('sql', columns.slice(1, 2), [["it's"]], target)).toBe(
      `INSERT INTO "app"."my ""pets""" ("note") VALUES ('it''s');\n`,
    )
  })

  it('Markdown escapes pipes, breaks lines with <br> and right-aligns numeric columns', () => {
    expect(
      toMarkdown(
        [
          { name: 'n', type: 'integer' },
          { name: 'a|b', type: 'varchar(10)' },
        ],
        [
          [1, 'x | y\nz'],
          [null, 'C:\\tmp'],
        ],
      ),
    ).toBe('| n | a\\|b |\n| ---: | --- |\n| 1 | x \\| y<br>z |\n|  | C:\\\\tmp |\n')
  })
})

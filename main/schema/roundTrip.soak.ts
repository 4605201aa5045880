import { describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import { quoteIdentifier } from '../../shared/sql/quote'
import { connectUrl, dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { withNamespaceName } from './withNamespaceName'
import { allDialects, createTestDatabase } from '../testing/testDatabases'

/** Random schemas per dialect; a failure names its seed so it can be replayed. */
const schemas: Record<DialectName, number> = { sqlite: 150, postgres: 200, mysql: 300 }

// Odd names: quotes of every dialect, spaces, unicode, reserved words. MySQL allows no
// characters outside the Basic Multilingual Plane in names, so no emoji there.
const names = ['a"b', 'back`tick', 'sp ace', 'naïve', '表', 'select', 'order', 'group', 'x', "it's"]
const types: Record<DialectName, { type: string; indexable: boolean; value?: string }[]> = {
  sqlite: [
    { type: 'INTEGER', indexable: true, value: '7' },
    { type: 'VARCHAR(20)', indexable: true, value: "'o''k'" },
    { type: 'TEXT', indexable: true },
    { type: 'REAL', indexable: true },
    { type: 'NUMERIC(10,2)', indexable: true },
    { type: 'BLOB', indexable: false },
    { type: 'JSON', indexable: false },
    { type: 'FLOATING POINT', indexable: true },
  ],
  postgres: [
    { type: 'integer', indexable: true, value: '7' },
    { type: 'character varying(20)', indexable: true, value: "'o''k'::character varying" },
    { type: 'text', indexable: true },
    { type: 'numeric(10,2)', indexable: true },
    { type: 'timestamp with time zone', indexable: true },
    { type: 'jsonb', indexable: false },
    { type: 'uuid', indexable: true },
    { type: 'bytea', indexable: false },
  ],
  mysql: [
    { type: 'int(11)', indexable: true, value: '7' },
    { type: 'varchar(20)', indexable: true, value: "'o''k'" },
    { type: 'text', indexable: false },
    { type: 'decimal(10,2)', indexable: true },
    { type: 'datetime', indexable: true },
    { type: 'bigint(20)', indexable: true },
    { type: 'varbinary(16)', indexable: true },
  ],
}
const actions = ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION']

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** CREATE statements for up to six tables, each referencing only tables made before it. */
function randomSchema(dialect: DialectName, seed: number): string[] {
  const next = random(seed)
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!
  const id = (name: string) => quoteIdentifier(dialect, name)
  const key = dialect === 'sqlite' ? 'INTEGER' : dialect === 'mysql' ? 'int(11)' : 'integer'
  const statements: string[] = []
  const created: string[] = []
  const tables = 1 + Math.floor(next() * 6)
  for (let t = 0; t < tables; t++) {
    const table = `${pick(names)} ${t}`
    const lines = [`${id('id')} ${key} NOT NULL PRIMARY KEY`]
    const indexable: string[] = []
    const columns = 1 + Math.floor(next() * 6)
    for (let c = 0; c < columns; c++) {
      const column = `${pick(names)}_${c}`
      const spec = pick(types[dialect])
      let line = `${id(column)} ${spec.type}`
      if (next() < 0.3) line += ' NOT NULL'
      if (spec.value && next() < 0.4) line += ` DEFAULT ${spec.value}`
      lines.push(line)
      if (spec.indexable) indexable.push(column)
    }
    if (t > 0 && next() < 0.7) {
      lines.push(`${id('parent')} ${key}`)
      lines.push(
        `CONSTRAINT ${id(`fk ${t}`)} FOREIGN KEY (${id('parent')}) REFERENCES ${id(pick(created))} (${id('id')}) ON DELETE ${pick(actions)}`,
      )
    }
    if (indexable.length > 0 && next() < 0.5)
      lines.push(`CONSTRAINT ${id(`uq ${t}`)} UNIQUE (${id(indexable[0]!)})`)
    statements.push(`CREATE TABLE ${id(table)} (\n  ${lines.join(',\n  ')}\n)`)
    created.push(table)
    if (indexable.length > 1 && next() < 0.6) {
      const desc = next() < 0.5 ? ' DESC' : ''
      statements.push(
        `CREATE INDEX ${id(`ix ${t}`)} ON ${id(table)} (${id(indexable[1]!)}${desc}, ${id(indexable[0]!)})`,
      )
    }
  }
  return statements
}

async function run(connection: DialectConnection, sql: string): Promise<void> {
  try {
    for await (const event of connection.stream(sql, { batchSize: 100 })) void event
  } catch (error) {
    throw new Error(`${(error as Error).message}\nin: ${sql}`, { cause: error })
  }
}

describe.each(allDialects)('random schemas round-trip on %s', (dialect) => {
  it(`holds for ${schemas[dialect]} random schemas`, async () => {
    for (let seed = 1; seed <= schemas[dialect]; seed++) {
      const made = await createTestDatabase(dialect)
      const copy = await createTestDatabase(dialect)
      const source = await connectUrl(made.url)
      const target = await connectUrl(copy.url)
      try {
        for (const statement of randomSchema(dialect, seed)) await run(source, statement)
        const original = await source.introspect()
        for (const statement of dialects[dialect].generateDdl(original))
          await run(target, statement)
        const rebuilt = withNamespaceName(await target.introspect(), original.namespaces[0]!.name)
        expect(rebuilt, `seed ${seed}`).toEqual(original)
      } finally {
        await source.close()
        await target.close()
        await made.drop()
        await copy.drop()
      }
    }
  })
})

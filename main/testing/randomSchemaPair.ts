import type { DialectName } from '../../shared/connectionUrl'
import type { Backfill, Rename } from '../../shared/schema/SchemaChange'
import { quoteIdentifier } from '../../shared/sql/quote'

/**
 * Random schema pairs for the diff's property test: a schema A, and B made
 * from A by random edits (tables and columns added, dropped and renamed,
 * types widened and narrowed, NULL allowed and refused, defaults, keys,
 * indexes and foreign keys changed), with the renames to confirm and the
 * values to backfill. Every value the rows hold fits every type a column
 * may change to, so a migration that keeps data can keep all of it.
 */
export interface SchemaPair {
  a: string[]
  b: string[]
  /** INSERTs filling A. */
  rows: string[]
  renames: Rename[]
  backfills: Backfill[]
  survivors: Survivor[]
  /** What was done, for the failure message. */
  edits: string[]
}

/** A table of B that was in A: B's name, A's name, and the columns whose values must survive (B name, A name). */
export interface Survivor {
  table: string
  was: string
  columns: [string, string][]
}

type Kind = 'int' | 'big' | 'short' | 'long' | 'text' | 'dec'

interface ColumnSpec {
  name: string
  kind: Kind
  notNull: boolean
  hasDefault: boolean
}

interface TableSpec {
  name: string
  columns: ColumnSpec[]
  /** A foreign key over the `parent` column to another table's id. */
  fk: { name: string; table: string; action: string } | null
  unique: { name: string; column: string } | null
  index: { name: string; columns: string[] } | null
}

const names = ['a"b', 'back`tick', 'sp ace', 'naïve', '表', 'select', 'order', 'x', "it's"]
const kinds: Kind[] = ['int', 'big', 'short', 'long', 'text', 'dec']
const actions = ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION']
/** Type changes whose every value converts: widenings, and narrowings the rows' short values still fit. */
const retypes: Record<Kind, Kind[]> = {
  int: ['big'],
  big: ['int'],
  short: ['long', 'text'],
  long: ['short', 'text'],
  text: ['long'],
  dec: [],
}
const rowsPerTable = 4

const typeNames: Record<DialectName, Record<Kind, string>> = {
  sqlite: {
    int: 'INTEGER',
    big: 'BIGINT',
    short: 'VARCHAR(20)',
    long: 'VARCHAR(40)',
    text: 'TEXT',
    dec: 'NUMERIC(10,2)',
  },
  postgres: {
    int: 'integer',
    big: 'bigint',
    short: 'varchar(20)',
    long: 'varchar(40)',
    text: 'text',
    dec: 'numeric(10,2)',
  },
  mysql: {
    int: 'int(11)',
    big: 'bigint(20)',
    short: 'varchar(20)',
    long: 'varchar(40)',
    text: 'text',
    dec: 'decimal(10,2)',
  },
}
const defaults: Record<Kind, string> = {
  int: '7',
  big: '7',
  short: "'o''k'",
  long: "'o''k'",
  text: "'o''k'",
  dec: '1.50',
}

export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function randomSchemaPair(
  dialect: DialectName,
  seed: number,
  namespace: string,
): SchemaPair {
  const next = random(seed)
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!
  const chance = (p: number) => next() < p
  let counter = 0
  const fresh = (prefix: string) => `${pick(names)} ${prefix}${++counter}`
  // MySQL cannot index or default-less compare TEXT without a length.
  const indexable = (c: ColumnSpec) =>
    c.name !== 'id' && !(dialect === 'mysql' && c.kind === 'text')

  const newColumn = (): ColumnSpec => ({
    name: fresh('c'),
    kind: pick(kinds),
    notNull: chance(0.3),
    hasDefault: chance(0.3),
  })
  const newTable = (existing: TableSpec[]): TableSpec => {
    const t: TableSpec = {
      name: fresh('t'),
      columns: [{ name: 'id', kind: 'int', notNull: true, hasDefault: false }],
      fk: null,
      unique: null,
      index: null,
    }
    const count = 1 + Math.floor(next() * 4)
    for (let i = 0; i < count; i++) t.columns.push(newColumn())
    if (existing.length > 0 && chance(0.6)) {
      t.columns.push({ name: 'parent', kind: 'int', notNull: false, hasDefault: false })
      t.fk = { name: fresh('fk'), table: pick(existing).name, action: pick(actions) }
    }
    const candidates = t.columns.filter(indexable)
    // Parent values repeat, so no unique key over them.
    const uniqueable = candidates.filter((c) => c.name !== 'parent')
    if (uniqueable.length > 0 && chance(0.4))
      t.unique = { name: fresh('uq'), column: pick(uniqueable).name }
    if (candidates.length > 1 && chance(0.5))
      t.index = { name: fresh('ix'), columns: [candidates[0]!.name, candidates[1]!.name] }
    return t
  }

  const a: TableSpec[] = []
  const tableCount = 1 + Math.floor(next() * 4)
  for (let i = 0; i < tableCount; i++) a.push(newTable(a))
  const rows = fillRows(dialect, a, next)

  const b: TableSpec[] = structuredClone(a)
  const renames: Rename[] = []
  const edits: string[] = []
  // Where each B table and column came from, to know which values must survive.
  const origin = new Map<TableSpec, { was: string; columns: Map<string, string> }>()
  b.forEach((t, i) =>
    origin.set(t, { was: a[i]!.name, columns: new Map(t.columns.map((c) => [c.name, c.name])) }),
  )
  const changedColumns = new Set<ColumnSpec>()
  const editCount = 1 + Math.floor(next() * 4)
  for (let e = 0; e < editCount; e++) {
    const table = pick(b)
    const plain = table.columns.filter((c) => c.name !== 'id' && c.name !== 'parent')
    const edit = pick([
      'addTable',
      'dropTable',
      'renameTable',
      'addColumn',
      'dropColumn',
      'renameColumn',
      'retype',
      'nullability',
      'default',
      'index',
      'unique',
      'foreignKey',
    ])
    switch (edit) {
      case 'addTable':
        b.push(newTable(b))
        break
      case 'dropTable':
        if (b.length < 2) continue
        b.splice(b.indexOf(table), 1)
        origin.delete(table)
        for (const t of b) if (t.fk?.table === table.name) t.fk = null
        break
      case 'renameTable': {
        const was = origin.get(table)?.was
        if (was === undefined) continue
        const to = fresh('t')
        const earlier = renames.find((r) => r.kind === 'table' && r.from === was)
        if (earlier) earlier.to = to
        else renames.push({ kind: 'table', namespace, from: was, to })
        for (const t of b) if (t.fk?.table === table.name) t.fk.table = to
        table.name = to
        break
      }
      case 'addColumn': {
        const column = newColumn()
        table.columns.push(column)
        // Every existing row gets one value, which a unique key would refuse.
        changedColumns.add(column)
        break
      }
      case 'dropColumn': {
        const column = plain.length > 0 ? pick(plain) : null
        if (!column) continue
        table.columns.splice(table.columns.indexOf(column), 1)
        if (table.unique?.column === column.name) table.unique = null
        if (table.index?.columns.includes(column.name)) table.index = null
        break
      }
      case 'renameColumn': {
        const column = plain.length > 0 ? pick(plain) : null
        const from = column ? origin.get(table)?.columns.get(column.name) : undefined
        if (!column || from === undefined || column.name !== from) continue
        const to = fresh('c')
        renames.push({ kind: 'column', namespace, table: origin.get(table)!.was, from, to })
        origin.get(table)!.columns.delete(from)
        origin.get(table)!.columns.set(to, from)
        if (table.unique?.column === column.name) table.unique.column = to
        if (table.index) table.index.columns = table.index.columns.map((c) => (c === from ? to : c))
        column.name = to
        break
      }
      case 'retype': {
        const column = plain.find((c) => retypes[c.kind].length > 0 && !changedColumns.has(c))
        if (!column) continue
        const kind = pick(retypes[column.kind])
        const blocked =
          dialect === 'mysql' &&
          kind === 'text' &&
          (table.unique?.column === column.name || table.index?.columns.includes(column.name))
        if (blocked) continue
        column.kind = kind
        changedColumns.add(column)
        break
      }
      case 'nullability': {
        const column = plain.find((c) => !changedColumns.has(c) && table.unique?.column !== c.name)
        if (!column) continue
        column.notNull = !column.notNull
        changedColumns.add(column)
        break
      }
      case 'default': {
        const column = plain.length > 0 ? pick(plain) : null
        if (!column) continue
        column.hasDefault = !column.hasDefault
        break
      }
      case 'index': {
        const candidates = table.columns.filter(indexable)
        if (table.index) table.index = null
        else if (candidates.length > 0)
          table.index = { name: fresh('ix'), columns: [pick(candidates).name] }
        break
      }
      case 'unique': {
        const candidates = table.columns
          .filter(indexable)
          .filter((c) => !changedColumns.has(c) && c.name !== 'parent')
        if (table.unique) table.unique = null
        else if (candidates.length > 0)
          table.unique = { name: fresh('uq'), column: pick(candidates).name }
        break
      }
      case 'foreignKey': {
        const others = b.filter((t) => t !== table && origin.has(t))
        if (table.fk && chance(0.5)) table.fk = null
        else if (table.fk) table.fk.action = pick(actions.filter((x) => x !== table.fk!.action))
        else if (others.length > 0 && table.columns.some((c) => c.name === 'parent'))
          // Only a table from A has the rows existing parent values point at.
          table.fk = { name: fresh('fk'), table: pick(others).name, action: pick(actions) }
        else continue
        break
      }
    }
    edits.push(`${edit} ${table.name}`)
  }

  const survivors = b.flatMap((t) => {
    const from = origin.get(t)
    if (!from) return []
    const columns = t.columns
      .filter((c) => !changedColumns.has(c) && from.columns.has(c.name))
      .map((c): [string, string] => [c.name, from.columns.get(c.name)!])
    return [{ table: t.name, was: from.was, columns }]
  })
  return {
    a: render(dialect, a),
    b: render(dialect, b),
    rows,
    renames,
    backfills: backfillsFor(a, b, origin, namespace),
    survivors,
    edits,
  }
}

/** A value for each column of an existing table that ends NOT NULL where rows may hold nothing for it. */
function backfillsFor(
  a: TableSpec[],
  b: TableSpec[],
  origin: Map<TableSpec, { was: string; columns: Map<string, string> }>,
  namespace: string,
): Backfill[] {
  return b.flatMap((t) => {
    const from = origin.get(t)
    if (!from) return []
    const before = a.find((x) => x.name === from.was)!
    return t.columns.flatMap((c) => {
      const was = from.columns.get(c.name)
      const old = was === undefined ? undefined : before.columns.find((x) => x.name === was)
      const needs = old ? c.notNull && !old.notNull : c.notNull && !c.hasDefault
      return needs && c.name !== 'id'
        ? [{ namespace, table: t.name, column: c.name, value: defaults[c.kind] }]
        : []
    })
  })
}

function render(dialect: DialectName, tables: TableSpec[]): string[] {
  const id = (name: string) => quoteIdentifier(dialect, name)
  const fkClause = (t: TableSpec) =>
    `CONSTRAINT ${id(t.fk!.name)} FOREIGN KEY (${id('parent')}) REFERENCES ${id(t.fk!.table)} (${id('id')}) ON DELETE ${t.fk!.action}`
  const out: string[] = []
  for (const t of tables) {
    const lines = t.columns.map((c) => {
      let line = `${id(c.name)} ${typeNames[dialect][c.kind]}`
      if (c.name === 'id') return `${line} NOT NULL PRIMARY KEY`
      if (c.notNull) line += ' NOT NULL'
      if (c.hasDefault) line += ` DEFAULT ${defaults[c.kind]}`
      return line
    })
    if (t.unique) lines.push(`CONSTRAINT ${id(t.unique.name)} UNIQUE (${id(t.unique.column)})`)
    // SQLite takes foreign keys only inside CREATE TABLE; the others add them once every table exists.
    if (t.fk && dialect === 'sqlite') lines.push(fkClause(t))
    out.push(`CREATE TABLE ${id(t.name)} (\n  ${lines.join(',\n  ')}\n)`)
    if (t.index)
      out.push(
        `CREATE INDEX ${id(t.index.name)} ON ${id(t.name)} (${t.index.columns.map(id).join(', ')})`,
      )
  }
  if (dialect !== 'sqlite')
    for (const t of tables) if (t.fk) out.push(`ALTER TABLE ${id(t.name)} ADD ${fkClause(t)}`)
  return out
}

/** A few rows per table, parents first; values are short and distinct so every allowed retype and key holds. */
function fillRows(dialect: DialectName, tables: TableSpec[], next: () => number): string[] {
  const id = (name: string) => quoteIdentifier(dialect, name)
  const out: string[] = []
  tables.forEach((t, ti) => {
    for (let r = 1; r <= rowsPerTable; r++) {
      const values = t.columns.map((c, ci) => {
        if (c.name === 'id') return String(r)
        if (c.name === 'parent')
          return next() < 0.3 ? 'NULL' : String(1 + Math.floor(next() * rowsPerTable))
        if (!c.notNull && next() < 0.3) return 'NULL'
        const n = ti * 100 + r * 10 + ci
        return c.kind === 'int' || c.kind === 'big'
          ? String(n)
          : c.kind === 'dec'
            ? `${n}.25`
            : `'v${n}'`
      })
      out.push(
        `INSERT INTO ${id(t.name)} (${t.columns.map((c) => id(c.name)).join(', ')}) VALUES (${values.join(', ')})`,
      )
    }
  })
  return out
}

import type Database from 'better-sqlite3'
import type {
  Column,
  DatabaseSchema,
  ForeignKey,
  Index,
  ReferentialAction,
  Table,
} from '../../../shared/schema/model'
import { blankNamespace, blankTable } from '../../schema/blankObjects'
import { groupBy } from '../../schema/groupBy'
import { byName, inStableOrder } from '../../schema/stableOrder'
import { createTableClauses, type NamedConstraint, type TableClauses } from './createTableClauses'
import * as q from './catalogQueries'
import { normalizeType } from './normalizeType'
import {
  closingParen,
  identifierValue,
  isWord,
  sourceOf,
  splitOnCommas,
  tokenize,
} from './sqlTokens'

interface ObjectRow {
  type: 'table' | 'view' | 'index' | 'trigger'
  name: string
  tbl: string
  sql: string | null
}

interface ColumnRow {
  tbl: string
  name: string
  type: string
  notnull: number
  dflt: string | null
  pk: number
  hidden: number
}

interface IndexRow {
  tbl: string
  name: string
  unique: number
  origin: 'c' | 'u' | 'pk'
  partial: number
  cid: number
  desc: number
  coll: string
}

interface ForeignKeyRow {
  tbl: string
  id: number
  ref: string
  from: string
  to: string | null
  onUpdate: string
  onDelete: string
}

/**
 * The whole database (or, with `only`, one table) in four queries: the
 * schema table and the pragma table-valued functions joined to it, never one
 * query per table. Names, CHECK and generated expressions, collations and
 * expression-index parts exist only in the stored CREATE text, so those are
 * read back from it.
 */
export function introspect(db: Database.Database, only: string | null = null): DatabaseSchema {
  const all = <T>(sql: string) => db.prepare(sql).all({ only }) as T[]
  const objects = all<ObjectRow>(q.objectsSql)
  const columnsOf = groupBy(all<ColumnRow>(q.columnsSql), (c) => c.tbl)
  const indexesOf = groupBy(all<IndexRow>(q.indexesSql), (i) => i.tbl)
  const foreignKeysOf = groupBy(all<ForeignKeyRow>(q.foreignKeysSql), (f) => f.tbl)
  const ns = blankNamespace('main')
  const tables = new Map<string, Table>()
  const indexSql = new Map(
    objects.filter((o) => o.type === 'index' && o.sql).map((o) => [o.name, o.sql!]),
  )
  const written = new Map<Table, TableClauses>()

  for (const object of objects) {
    if (object.type === 'view') {
      ns.views.push({
        name: object.name,
        materialized: false,
        definition: viewBody(object.sql ?? ''),
        columns: (columnsOf.get(object.name) ?? []).map((c) => c.name),
        comment: null,
      })
    }
    // Virtual tables (FTS and the like) are created by their module, not by column definitions.
    if (object.type !== 'table' || /^CREATE\s+VIRTUAL/i.test(object.sql ?? '')) continue
    const clauses = createTableClauses(object.sql ?? '')
    const table = toTable(object.name, clauses, columnsOf.get(object.name) ?? [])
    readKeysAndIndexes(table, clauses, indexesOf.get(object.name) ?? [], indexSql)
    written.set(table, clauses)
    tables.set(object.name, table)
    ns.tables.push(table)
  }
  // After every table, so `REFERENCES parent` can resolve to the parent's key.
  for (const [table, clauses] of written)
    table.foreignKeys = toForeignKeys(foreignKeysOf.get(table.name) ?? [], clauses, tables)
  for (const object of objects) {
    if (object.type === 'trigger' && object.sql)
      tables.get(object.tbl)?.triggers.push({ name: object.name, definition: object.sql })
  }
  for (const table of ns.tables) {
    // Unnamed constraints all sort under '', so their content decides their order.
    const key = (c: { columns?: string[]; expression?: string }) =>
      c.expression ?? c.columns?.join('\0') ?? ''
    const byContent = <T extends { name: string; columns?: string[]; expression?: string }>(
      a: T,
      b: T,
    ) => byName(a, b) || cmp(key(a), key(b))
    table.uniques.sort(byContent)
    table.checks.sort(byContent)
    table.foreignKeys.sort(byContent)
  }
  return { dialect: 'sqlite', namespaces: inStableOrder([ns]) }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function toTable(name: string, clauses: TableClauses, rows: ColumnRow[]): Table {
  const table = blankTable(name, null)
  table.options = clauses.options
  table.checks = clauses.checks
  const keyColumns = rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  const rowidAlias =
    keyColumns.length === 1 &&
    keyColumns[0]!.type.toUpperCase() === 'INTEGER' &&
    !clauses.options.includes('WITHOUT ROWID')
  table.columns = rows.map((row): Column => {
    const own = clauses.columns.get(row.name)
    const isAlias = rowidAlias && row.pk === 1
    return {
      name: row.name,
      type: row.type,
      normalizedType: normalizeType(row.type),
      // An INTEGER PRIMARY KEY is the rowid and can never be NULL, whatever the flag says.
      nullable: row.notnull === 0 && !isAlias,
      default: row.dflt,
      identity: own?.autoincrement ? 'autoincrement' : null,
      generated: own?.generated ?? null,
      onUpdate: null,
      collation: own?.collation ?? null,
      comment: null,
    }
  })
  const jsonColumns = jsonCheckedColumns(clauses.checks)
  for (const column of table.columns)
    if (jsonColumns.has(column.name) && column.normalizedType === 'text')
      column.normalizedType = 'json'
  if (keyColumns.length > 0)
    table.primaryKey = { name: clauses.primaryKeyName, columns: keyColumns.map((c) => c.name) }
  return table
}

/** Django and others keep JSON in SQLite as TEXT under a json_valid(column) check. */
function jsonCheckedColumns(checks: TableClauses['checks']): Set<string> {
  const columns = new Set<string>()
  for (const check of checks) {
    const tokens = tokenize(check.expression)
    tokens.forEach((token, k) => {
      if (isWord(token, 'JSON_VALID') && tokens[k + 1]?.text === '(' && tokens[k + 3]?.text === ')')
        columns.add(identifierValue(tokens[k + 2]!))
    })
  }
  return columns
}

function readKeysAndIndexes(
  table: Table,
  clauses: TableClauses,
  rows: IndexRow[],
  indexSql: Map<string, string>,
): void {
  const names = new Map(table.columns.map((c, i) => [i, c.name]))
  const unclaimed = [...clauses.uniques]
  for (const parts of groupBy(rows, (r) => r.name).values()) {
    const first = parts[0]!
    if (first.origin === 'pk') continue
    if (first.origin === 'u') {
      const columns = parts.map((p) => names.get(p.cid) ?? '')
      table.uniques.push({ name: claim(unclaimed, columns)?.name ?? '', columns })
      continue
    }
    const plain =
      first.partial === 0 &&
      parts.every((p) => p.cid >= 0 && p.coll === 'BINARY' && !table.columns[p.cid]!.collation)
    table.indexes.push(
      plain
        ? plainIndex(first.name, first.unique === 1, parts, names)
        : toIndex(first.name, first.unique === 1, parts, names, indexSql),
    )
  }
}

/** The constraint as written whose columns match, taken so a twin constraint gets the next one. */
function claim<T extends NamedConstraint>(written: T[], columns: string[]): T | undefined {
  const key = columns.join('\0').toLowerCase()
  const at = written.findIndex((w) => w.columns.join('\0').toLowerCase() === key)
  return at < 0 ? undefined : written.splice(at, 1)[0]
}

/** An index on plain columns in their own collation: the pragmas say all there is, no text to read. */
function plainIndex(
  name: string,
  unique: boolean,
  parts: IndexRow[],
  names: Map<number, string>,
): Index {
  return {
    name,
    unique,
    parts: parts.map((p) => ({
      expression: names.get(p.cid) ?? '',
      isColumn: true,
      descending: p.desc === 1,
      operatorClass: null,
    })),
    where: null,
    method: null,
  }
}

function toIndex(
  name: string,
  unique: boolean,
  parts: IndexRow[],
  names: Map<number, string>,
  indexSql: Map<string, string>,
): Index {
  const sql = indexSql.get(name) ?? ''
  const tokens = tokenize(sql)
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.text === '(')
  const close = closingParen(tokens, open)
  const written = splitOnCommas(tokens, open + 1, close).map((piece) => {
    const last = isWord(piece[piece.length - 1], 'ASC', 'DESC')
      ? piece.length - 2
      : piece.length - 1
    return sourceOf(sql, piece[0]!, piece[last]!)
  })
  const where = isWord(tokens[close + 1], 'WHERE')
    ? sql.slice(tokens[close + 2]!.start).trim()
    : null
  return {
    name,
    unique,
    parts: parts.map((p, k) => {
      const column = names.get(p.cid)
      const text = written[k] ?? column ?? ''
      const isColumn = column !== undefined && tokenize(text).length === 1
      return {
        expression: isColumn ? column : text,
        isColumn,
        descending: p.desc === 1,
        operatorClass: null,
      }
    }),
    where,
    method: null,
  }
}

function toForeignKeys(
  rows: ForeignKeyRow[],
  clauses: TableClauses,
  tables: Map<string, Table>,
): ForeignKey[] {
  const unclaimed = [...clauses.foreignKeys]
  return [...groupBy(rows, (r) => String(r.id)).values()].map((parts) => {
    const first = parts[0]!
    const columns = parts.map((p) => p.from)
    const written = claim(
      unclaimed.filter((w) => w.table.toLowerCase() === first.ref.toLowerCase()),
      columns,
    )
    if (written) unclaimed.splice(unclaimed.indexOf(written), 1)
    // `REFERENCES parent` without columns means the parent's primary key.
    const referencedColumns = parts.every((p) => p.to !== null)
      ? parts.map((p) => p.to!)
      : (tables.get(first.ref)?.primaryKey?.columns ?? [])
    return {
      name: written?.name ?? '',
      columns,
      referencedNamespace: 'main',
      referencedTable: first.ref,
      referencedColumns,
      onDelete: first.onDelete.toLowerCase() as ReferentialAction,
      onUpdate: first.onUpdate.toLowerCase() as ReferentialAction,
      deferrable: written?.deferrable ?? 'not deferrable',
    }
  })
}

/** The SELECT of a stored `CREATE VIEW name [(columns)] AS select`. */
function viewBody(sql: string): string {
  const tokens = tokenize(sql)
  let depth = 0
  for (const token of tokens) {
    if (token.kind === 'punct' && token.text === '(') depth++
    if (token.kind === 'punct' && token.text === ')') depth--
    if (depth === 0 && isWord(token, 'AS')) return sql.slice(token.end).trim()
  }
  return sql
}

import type { Connection, RowDataPacket } from 'mysql2'
import type { ObjectRef } from '../../../shared/contract'
import type {
  Column,
  DatabaseSchema,
  ForeignKey,
  ReferentialAction,
  Table,
} from '../../../shared/schema/model'
import { blankNamespace, blankTable } from '../../schema/blankObjects'
import { groupBy } from '../../schema/groupBy'
import { inStableOrder } from '../../schema/stableOrder'
import * as q from './catalogQueries'
import { normalizeType } from './normalizeType'

interface ColumnRow {
  tbl: string
  name: string
  type: string
  dataType: string
  nullable: string
  dflt: string | null
  extra: string
  generation: string | null
  collation: string | null
  comment: string
}

interface IndexRow {
  tbl: string
  name: string
  nonUnique: number | string
  col: string | null
  subPart: number | string | null
  direction: string | null
  method: string
}

interface ForeignKeyRow {
  tbl: string
  name: string
  col: string
  refSchema: string
  refTable: string
  refCol: string
}

interface ForeignKeyRule {
  tbl: string
  name: string
  onUpdate: string
  onDelete: string
}

interface CheckRow {
  TABLE_NAME: string
  CONSTRAINT_NAME: string
  CHECK_CLAUSE: string
  /** MariaDB only: 'Column' for a check written on a column, named after it. */
  LEVEL?: string
}

/** MariaDB's JSON is LONGTEXT plus a column check `json_valid(`col`)` named after the column. */
function isJsonCheck(check: CheckRow): boolean {
  return check.CHECK_CLAUSE === `json_valid(\`${check.CONSTRAINT_NAME.replaceAll('`', '``')}\`)`
}

/**
 * The current database in eight information_schema queries, however many
 * tables it holds; with `only`, one table or view, for the lazy browser.
 */
export async function introspect(
  conn: Connection,
  only: ObjectRef | null = null,
): Promise<DatabaseSchema> {
  const scoped = only !== null
  const rows = <T>(sql: string) =>
    new Promise<T[]>((resolve, reject) =>
      conn.query<RowDataPacket[]>(sql, scoped ? [only.name] : [], (error, result) =>
        error ? reject(error) : resolve(result as unknown as T[]),
      ),
    )
  const db = (await rows<{ db: string }>('SELECT DATABASE() AS db'))[0]?.db ?? ''
  const tableRows = await rows<{
    name: string
    type: string
    comment: string
    collation: string | null
  }>(q.tablesSql(scoped))
  const columns = await rows<ColumnRow>(q.columnsSql(scoped))
  const indexes = await rows<IndexRow>(q.indexesSql(scoped))
  const foreignKeys = await rows<ForeignKeyRow>(q.foreignKeysSql(scoped))
  const foreignKeyRules = await rows<ForeignKeyRule>(q.foreignKeyRulesSql(scoped))
  const checks = await rows<CheckRow>(q.checksSql(scoped))
  const views = await rows<{ name: string; definition: string }>(q.viewsSql(scoped))
  const triggers = await rows<{
    name: string
    tbl: string
    timing: string
    event: string
    statement: string
  }>(q.triggersSql(scoped))

  const jsonColumns = new Set(
    checks.filter(isJsonCheck).map((c) => `${c.TABLE_NAME}\0${c.CONSTRAINT_NAME}`),
  )
  const ns = blankNamespace(db)
  const tables = new Map<string, Table>()
  const tableCollation = new Map(tableRows.map((t) => [t.name, t.collation]))
  const viewNames = new Set(views.map((v) => v.name))
  const ownPrefix = new RegExp(`\`${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`\\.`, 'g')

  for (const t of tableRows) {
    if (t.type !== 'BASE TABLE') continue
    const table = blankTable(t.name, t.comment || null)
    tables.set(t.name, table)
    ns.tables.push(table)
  }
  const viewColumns = new Map<string, string[]>()
  for (const c of columns) {
    if (viewNames.has(c.tbl)) viewColumns.set(c.tbl, [...(viewColumns.get(c.tbl) ?? []), c.name])
    const table = tables.get(c.tbl)
    if (table)
      table.columns.push(
        toColumn(c, jsonColumns.has(`${c.tbl}\0${c.name}`), tableCollation.get(c.tbl) ?? null),
      )
  }

  for (const parts of groupBy(indexes, (i) => `${i.tbl}\0${i.name}`).values()) {
    const first = parts[0]!
    const table = tables.get(first.tbl)
    if (!table) continue
    const columnsOnly = parts.every(
      (p) => p.col !== null && p.subPart === null && p.direction !== 'D',
    )
    const unique = Number(first.nonUnique) === 0
    if (first.name === 'PRIMARY')
      table.primaryKey = { name: 'PRIMARY', columns: parts.map((p) => p.col!) }
    else if (unique && columnsOnly && first.method === 'BTREE')
      table.uniques.push({ name: first.name, columns: parts.map((p) => p.col!) })
    else {
      table.indexes.push({
        name: first.name,
        unique,
        parts: parts.map((p) => ({
          expression: p.subPart === null ? (p.col ?? '') : `${p.col}(${p.subPart})`,
          isColumn: p.subPart === null,
          descending: p.direction === 'D',
          operatorClass: null,
        })),
        where: null,
        method: first.method,
      })
    }
  }

  const rules = new Map(foreignKeyRules.map((r) => [`${r.tbl}\0${r.name}`, r]))
  for (const [key, parts] of groupBy(foreignKeys, (f) => `${f.tbl}\0${f.name}`)) {
    const first = parts[0]!
    const rule = rules.get(key)
    if (rule) tables.get(first.tbl)?.foreignKeys.push(toForeignKey(first, parts, rule))
  }
  for (const check of checks) {
    if (isJsonCheck(check)) continue
    tables
      .get(check.TABLE_NAME)
      ?.checks.push({ name: check.CONSTRAINT_NAME, expression: check.CHECK_CLAUSE })
  }
  for (const view of views) {
    ns.views.push({
      name: view.name,
      materialized: false,
      // The catalog qualifies every name with this database's; without it the body fits any database.
      definition: view.definition.replace(ownPrefix, ''),
      columns: viewColumns.get(view.name) ?? [],
      comment: null,
    })
  }
  for (const t of triggers) {
    tables.get(t.tbl)?.triggers.push({
      name: t.name,
      definition: `CREATE TRIGGER \`${t.name.replaceAll('`', '``')}\` ${t.timing} ${t.event} ON \`${t.tbl.replaceAll('`', '``')}\` FOR EACH ROW ${t.statement}`,
    })
  }

  return { dialect: 'mysql', namespaces: inStableOrder([ns]) }
}

function toColumn(row: ColumnRow, json: boolean, tableCollation: string | null): Column {
  const extra = row.extra.toLowerCase()
  const generated = row.generation
    ? { expression: row.generation, stored: extra.includes('stored') }
    : null
  const onUpdate = /on update (.+)$/i.exec(row.extra)?.[1] ?? null
  return {
    name: row.name,
    type: json ? 'json' : row.type,
    normalizedType: json ? 'json' : normalizeType(row.dataType),
    nullable: row.nullable === 'YES',
    // MariaDB prints an explicit DEFAULT NULL as the word NULL; it means the same as no default.
    default: generated || row.dflt === null || row.dflt === 'NULL' ? null : row.dflt,
    identity: extra.includes('auto_increment') ? 'autoincrement' : null,
    generated,
    onUpdate,
    collation:
      json || row.collation === null || row.collation === tableCollation ? null : row.collation,
    comment: row.comment || null,
  }
}

function toForeignKey(
  first: ForeignKeyRow,
  parts: ForeignKeyRow[],
  rule: ForeignKeyRule,
): ForeignKey {
  const action = (rule: string) => rule.toLowerCase() as ReferentialAction
  return {
    name: first.name,
    columns: parts.map((p) => p.col),
    referencedNamespace: first.refSchema,
    referencedTable: first.refTable,
    referencedColumns: parts.map((p) => p.refCol),
    onDelete: action(rule.onDelete),
    onUpdate: action(rule.onUpdate),
    deferrable: 'not deferrable',
  }
}

import type { DialectName } from '../../shared/connectionUrl'
import type { SchemaChange } from '../../shared/schema/SchemaChange'
import type { Column, DatabaseSchema, Index, Table } from '../../shared/schema/model'
import { becomesNotNull } from '../diff/classifyChange'
import { typeNarrowing } from '../diff/typeNarrowing'
import { dialects } from '../dialects/registry'
import type { Check } from './Check'
import { conversionTest, isNarrowing, lengthTest } from './columnFit'
import { removedEnumValues } from './removedEnumValues'
import { tableSql } from './tableSql'

/**
 * The data preflight questions a migration's changes raise, asked of
 * `state`: the schema the data is in when they are counted. Losses are
 * counted before the migration runs; rows that break a new constraint are
 * counted where the migration failed, since its own statements (a backfill,
 * a new column's default) decide which rows those are.
 */
export function checksFor(
  changes: SchemaChange[],
  state: DatabaseSchema,
  phase: Check['phase'],
): Check[] {
  const sql = new CheckSql(state, changes)
  const checks = changes.flatMap((change) => sql.checksOf(change))
  if (phase === 'before') checks.push(...sql.enumChecks(changes))
  return checks.filter((c) => c.phase === phase)
}

class CheckSql {
  private readonly dialect: DialectName
  /** Columns the migration adds, by table and name, for rows counted before they exist. */
  private readonly added = new Map<string, Column>()

  constructor(
    private readonly state: DatabaseSchema,
    changes: SchemaChange[],
  ) {
    this.dialect = state.dialect
    for (const c of changes)
      if (c.kind === 'addColumn') this.added.set(`${c.table}\0${c.column.name}`, c.column)
  }

  checksOf(change: SchemaChange): Check[] {
    switch (change.kind) {
      case 'dropTable':
        return this.on(change.namespace, change.table, (table) => [
          {
            kind: 'drop_table',
            phase: 'before',
            column: null,
            condition: null,
            shown: [],
            message: (n) => `${n} row(s) of ${table.name} are lost with the table`,
          },
        ])
      case 'dropColumn':
        return this.on(change.namespace, change.table, (table) => {
          const value = this.valueOf(table, change.column)
          return value === null
            ? []
            : [
                {
                  kind: 'drop_column',
                  phase: 'before',
                  column: change.column.name,
                  condition: `${value} IS NOT NULL`,
                  shown: [{ label: change.column.name, expression: value }],
                  message: (n) =>
                    `${n} non-NULL value(s) of ${table.name}.${change.column.name} are lost with the column`,
                },
              ]
        })
      case 'addColumn':
        return change.column.nullable || change.column.generated || change.column.identity
          ? []
          : this.notNull(change.namespace, change.table, change.column)
      case 'alterColumn':
        return [
          ...(becomesNotNull(change.from, change.to)
            ? this.notNull(change.namespace, change.table, change.to)
            : []),
          ...this.typeChecks(change.namespace, change.table, change.from, change.to),
        ]
      case 'setPrimaryKey':
        return this.unique(
          change.namespace,
          change.table,
          change.key.columns,
          null,
          change.key.name,
        )
      case 'addUnique':
        return this.unique(
          change.namespace,
          change.table,
          change.unique.columns,
          null,
          change.unique.name,
        )
      case 'addIndex':
        return change.index.unique
          ? this.uniqueIndex(change.namespace, change.table, change.index)
          : []
      case 'addForeignKey':
        return this.foreignKey(change)
      case 'addCheck':
        return this.on(change.namespace, change.table, (table) => [
          {
            kind: 'check',
            phase: 'onFailure',
            column: null,
            condition: `NOT (${change.check.expression})`,
            shown: table.columns
              .filter((c) => change.check.expression.includes(c.name))
              .map((c) => ({ label: c.name, expression: this.id(c.name) })),
            message: (n) => `${n} row(s) of ${table.name} fail CHECK ${change.check.expression}`,
          },
        ])
      default:
        return []
    }
  }

  /** Rows using an enum value that a changed enum type no longer has (PostgreSQL types, MySQL column enums). */
  enumChecks(changes: SchemaChange[]): Check[] {
    return removedEnumValues(changes, this.state).flatMap(({ namespace, table, column, values }) =>
      this.on(namespace, table, (t) => {
        const value = this.id(column)
        const text = this.dialect === 'postgres' ? `${value}::text` : value
        const list = values.map((v) => dialects[this.dialect].quoteLiteral(v)).join(', ')
        return [
          {
            kind: 'enum',
            phase: 'before',
            column,
            condition: `${text} IN (${list})`,
            shown: [{ label: column, expression: value }],
            message: (n) =>
              `${n} row(s) of ${t.name}.${column} use ${values.map((v) => `'${v}'`).join(', ')}, which the enum loses`,
          },
        ]
      }),
    )
  }

  private typeChecks(namespace: string, table: string, from: Column, to: Column): Check[] {
    if (typeNarrowing(from.type, to.type) === null) return []
    if (/^enum\s*\(/i.test(from.type) && /^enum\s*\(/i.test(to.type)) return []
    const preflight = dialects[this.dialect].preflight
    return this.on(namespace, table, (t) => {
      const value = this.valueOf(t, from)
      if (value === null) return []
      const narrowing = isNarrowing(from, to)
      const test = narrowing
        ? lengthTest(value, to, preflight)
        : conversionTest(value, from, to, preflight)
      if (!test) return []
      return [
        {
          kind: narrowing ? 'length' : 'type',
          phase: 'before',
          column: to.name,
          condition: `${value} IS NOT NULL AND ${test.condition}`,
          shown: [{ label: to.name, expression: value }],
          message: (n) => `${n} value(s) of ${t.name}.${to.name} ${test.words}`,
        },
      ]
    })
  }

  private notNull(namespace: string, table: string, column: Column): Check[] {
    return this.on(namespace, table, (t) => {
      const present = t.columns.some((c) => c.name === column.name)
      // A new column not yet added holds its default in every row, or NULL without one.
      if (!present && column.default !== null) return []
      return [
        {
          kind: 'not_null',
          phase: 'onFailure',
          column: column.name,
          condition: present ? `${this.id(column.name)} IS NULL` : '1 = 1',
          shown: [],
          message: (n) =>
            `${n} row(s) of ${t.name} have no value for ${column.name}, which becomes NOT NULL`,
        },
      ]
    })
  }

  private unique(
    namespace: string,
    table: string,
    columns: string[],
    where: string | null,
    name: string,
  ): Check[] {
    return this.on(namespace, table, (t) => {
      if (!columns.every((c) => t.columns.some((col) => col.name === c))) return []
      return this.duplicates(
        t,
        namespace,
        columns.map((c) => this.id(c)),
        columns,
        where,
        name,
      )
    })
  }

  private uniqueIndex(namespace: string, table: string, index: Index): Check[] {
    return this.on(namespace, table, (t) => {
      const parts = index.parts.map((p) => (p.isColumn ? this.id(p.expression) : p.expression))
      const missing = index.parts.some(
        (p) => p.isColumn && !t.columns.some((c) => c.name === p.expression),
      )
      if (missing) return []
      return this.duplicates(
        t,
        namespace,
        parts,
        index.parts.map((p) => p.expression),
        index.where,
        index.name,
      )
    })
  }

  private duplicates(
    t: Table,
    namespace: string,
    parts: string[],
    labels: string[],
    where: string | null,
    name: string,
  ): Omit<Check, 'namespace' | 'table'>[] {
    const present = parts.map((p) => `${p} IS NOT NULL`).join(' AND ')
    const partial = where ? ` AND (${where})` : ''
    const list = parts.join(', ')
    const groups =
      `SELECT ${list} FROM ${this.tableName(namespace, t.name)} ` +
      `WHERE ${present}${partial} GROUP BY ${list} HAVING count(*) > 1`
    return [
      {
        kind: 'unique',
        phase: 'onFailure',
        column: labels.length === 1 ? labels[0]! : null,
        condition: `${present}${partial} AND (${list}) IN (${groups})`,
        shown: parts.map((p, i) => ({ label: labels[i]!, expression: p })),
        message: (n) =>
          `${n} row(s) of ${t.name} share (${labels.join(', ')}) with another row, which ${name} forbids`,
      },
    ]
  }

  private foreignKey(change: Extract<SchemaChange, { kind: 'addForeignKey' }>): Check[] {
    const fk = change.foreignKey
    const parent = this.table(fk.referencedNamespace, fk.referencedTable)
    if (!parent) return []
    return this.on(change.namespace, change.table, (t) => {
      const values = fk.columns.map((name) => {
        const column = t.columns.find((c) => c.name === name)
        return column ? `o.${this.id(name)}` : this.defaultOf(t.name, name)
      })
      if (values.some((v) => v === null)) return []
      const present = values.map((v) => `${v} IS NOT NULL`).join(' AND ')
      const match = fk.referencedColumns
        .map((r, i) => `sluice_parent.${this.id(r)} = ${values[i]}`)
        .join(' AND ')
      const parentName = this.tableName(fk.referencedNamespace, fk.referencedTable)
      return [
        {
          kind: 'foreign_key',
          phase: 'onFailure',
          column: fk.columns.length === 1 ? fk.columns[0]! : null,
          condition: `${present} AND NOT EXISTS (SELECT 1 FROM ${parentName} AS sluice_parent WHERE ${match})`,
          shown: fk.columns.map((c, i) => ({ label: c, expression: values[i]! })),
          message: (n) =>
            `${n} row(s) of ${t.name} point at no row of ${fk.referencedTable} through (${fk.columns.join(', ')})`,
        },
      ]
    })
  }

  /** A column the migration adds but had not added when it failed holds its default in every row. */
  private defaultOf(table: string, column: string): string | null {
    const added = this.added.get(`${table}\0${column}`)
    return added ? (added.default ?? 'NULL') : null
  }

  private on(
    namespace: string,
    table: string,
    build: (table: Table) => Omit<Check, 'namespace' | 'table'>[],
  ): Check[] {
    const found = this.table(namespace, table)
    return found ? build(found).map((c) => ({ ...c, namespace, table })) : []
  }

  private table(namespace: string, name: string): Table | undefined {
    const single = !dialects[this.dialect].capabilities.schemas
    return this.state.namespaces
      .filter((n) => single || n.name === namespace)
      .flatMap((n) => n.tables)
      .find((t) => t.name === name)
  }

  private valueOf(table: Table, column: Column): string | null {
    return table.columns.some((c) => c.name === column.name) ? this.id(column.name) : null
  }

  private id(name: string): string {
    return dialects[this.dialect].quoteIdentifier(name)
  }

  private tableName(namespace: string, table: string): string {
    return tableSql(this.dialect, namespace, table)
  }
}

/**
 * The schema diff at scale: two 2,000-table models that differ in 200 places
 * (columns added, retyped and dropped, indexes and foreign keys changed,
 * tables added, dropped and renamed), diffed and planned into DDL for each
 * dialect. The floor beside it is the least any diff does: serialising both
 * models and comparing the text, measured in the same run. A published
 * report has Atlas taking 15 minutes to plan thousands of tables.
 *
 *   node --import tsx bench/diff.ts [tables] [differences] [runs]
 */
import type { DialectName } from '../shared/connectionUrl'
import type { Rename } from '../shared/schema/SchemaChange'
import type { Column, DatabaseSchema, Table } from '../shared/schema/model'
import { generateMigration } from '../main/diff/generateMigration'

const tables = Number(process.argv[2] ?? 2000)
const differences = Number(process.argv[3] ?? 200)
const runs = Number(process.argv[4] ?? 10)

const types: Record<DialectName, { int: string; text: string; wide: string }> = {
  sqlite: { int: 'INTEGER', text: 'VARCHAR(100)', wide: 'VARCHAR(200)' },
  postgres: { int: 'integer', text: 'character varying(100)', wide: 'character varying(200)' },
  mysql: { int: 'int(11)', text: 'varchar(100)', wide: 'varchar(200)' },
}

function column(name: string, type: string, normalizedType: Column['normalizedType']): Column {
  return {
    name,
    type,
    normalizedType,
    nullable: name !== 'id',
    default: null,
    identity: null,
    generated: null,
    onUpdate: null,
    collation: null,
    comment: null,
  }
}

function table(dialect: DialectName, namespace: string, i: number): Table {
  const t = types[dialect]
  const name = `table_${String(i).padStart(5, '0')}`
  return {
    name,
    columns: [
      column('id', t.int, 'integer'),
      ...Array.from({ length: 7 }, (_, c) =>
        c % 2 === 0 ? column(`text_${c}`, t.text, 'text') : column(`number_${c}`, t.int, 'integer'),
      ),
      column('parent_id', t.int, 'integer'),
    ],
    primaryKey: { name: dialect === 'mysql' ? 'PRIMARY' : `${name}_pkey`, columns: ['id'] },
    uniques: [],
    indexes: [
      {
        name: `${name}_text_0`,
        unique: false,
        parts: [{ expression: 'text_0', isColumn: true, descending: false, operatorClass: null }],
        where: null,
        method: null,
      },
    ],
    foreignKeys:
      i === 0
        ? []
        : [
            {
              name: `${name}_parent`,
              columns: ['parent_id'],
              referencedNamespace: namespace,
              referencedTable: `table_${String(i - 1).padStart(5, '0')}`,
              referencedColumns: ['id'],
              onDelete: 'cascade',
              onUpdate: 'no action',
              deferrable: 'not deferrable',
            },
          ],
    checks: [],
    triggers: [],
    comment: null,
    options: [],
  }
}

function schema(dialect: DialectName, make: (i: number) => Table | null): DatabaseSchema {
  const namespace = dialect === 'sqlite' ? 'main' : dialect === 'postgres' ? 'public' : 'bench'
  const list: Table[] = []
  for (let i = 0; i < tables; i++) {
    const t = make(i)
    if (t) list.push(t)
  }
  return {
    dialect,
    namespaces: [
      { name: namespace, tables: list, views: [], sequences: [], enums: [], routines: [] },
    ],
  }
}

/** B: every (tables / differences)-th table changed, cycling through the kinds of change. */
function pair(dialect: DialectName): { a: DatabaseSchema; b: DatabaseSchema; renames: Rename[] } {
  const ns = dialect === 'sqlite' ? 'main' : dialect === 'postgres' ? 'public' : 'bench'
  const step = Math.floor(tables / differences)
  const renames: Rename[] = []
  const a = schema(dialect, (i) => table(dialect, ns, i))
  const b = schema(dialect, (i) => {
    const t = table(dialect, ns, i)
    if (i % step !== 0 || i === 0) return t
    switch ((i / step) % 6) {
      case 0:
        t.columns.push(column('added', types[dialect].text, 'text'))
        return t
      case 1:
        t.columns[1] = { ...t.columns[1]!, type: types[dialect].wide }
        return t
      case 2:
        t.columns.splice(2, 1)
        return t
      case 3:
        t.indexes = []
        return t
      case 4:
        t.foreignKeys = t.foreignKeys.map((fk) => ({ ...fk, onDelete: 'set null' }))
        return t
      default:
        renames.push({
          kind: 'column',
          namespace: ns,
          table: t.name,
          from: 'text_4',
          to: 'renamed',
        })
        t.columns[5] = { ...t.columns[5]!, name: 'renamed' }
        return t
    }
  })
  return { a, b, renames }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)]!
}

function time(work: () => void): number {
  const samples: number[] = []
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    work()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

console.log(`${tables} tables, ${differences} differences, median of ${runs} runs`)
for (const dialect of ['sqlite', 'postgres', 'mysql'] as const) {
  const { a, b, renames } = pair(dialect)
  let statements = 0
  let changes = 0
  const diffMs = time(() => {
    const migration = generateMigration(a, b, { renames })
    changes = migration.diff.changes.length
    statements = migration.up.statements.length
  })
  const floorMs = time(() => void (JSON.stringify(a) === JSON.stringify(b)))
  console.log(
    `${dialect.padEnd(8)} diff + up and down DDL ${diffMs.toFixed(1)} ms (${changes} changes, ${statements} up statements); floor (serialise and compare both) ${floorMs.toFixed(1)} ms; ratio ${(diffMs / floorMs).toFixed(1)}×`,
  )
}

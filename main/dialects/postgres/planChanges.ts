import type { SchemaChange } from '../../../shared/schema/SchemaChange'
import type { Column } from '../../../shared/schema/model'
import { quoteLiteral } from '../../../shared/sql/quote'
import type { MigrationPlan } from '../../diff/MigrationPlan'
import { sameTypeFamily } from '../../diff/typeNarrowing'
import {
  addForeignKey,
  columnComment,
  columnDefinition,
  createEnum,
  createIndex,
  createSequence,
  createTable,
  createView,
  id,
  ownSequence,
  qualified,
  tableComment,
} from './generateDdl'

/** PostgreSQL alters everything in place, inside the migration's transaction. */
export function planChanges(changes: SchemaChange[]): MigrationPlan {
  const statements: string[] = []
  // A sequence a new serial column owns can be tied to it only once the table exists.
  const owners: string[] = []
  for (const change of changes) {
    if (change.kind === 'createSequence' && change.sequence.ownedBy)
      owners.push(ownSequence(change.namespace, change.sequence, change.sequence.ownedBy))
    statements.push(...statementsFor(change))
  }
  return { statements: [...statements, ...owners], foreignKeysOff: false }
}

function statementsFor(change: SchemaChange): string[] {
  const ns = change.namespace
  switch (change.kind) {
    case 'createNamespace':
      return [`CREATE SCHEMA ${id(ns)}`]
    case 'dropNamespace':
      return [`DROP SCHEMA ${id(ns)}`]
    case 'createEnum':
      return [createEnum(ns, change.enum)]
    case 'dropEnum':
      return [`DROP TYPE ${qualified(ns, change.enum.name)}`]
    case 'addEnumValues':
      return change.values.map(
        (v) => `ALTER TYPE ${qualified(ns, change.name)} ADD VALUE ${quoteLiteral('postgres', v)}`,
      )
    case 'createSequence':
      return [createSequence(ns, change.sequence)]
    case 'dropSequence':
      return [`DROP SEQUENCE ${qualified(ns, change.sequence.name)}`]
    case 'createRoutine':
      return [change.routine.definition]
    case 'dropRoutine': {
      const kind = /^\s*CREATE\s+(OR\s+REPLACE\s+)?PROCEDURE/i.test(change.routine.definition)
        ? 'PROCEDURE'
        : 'FUNCTION'
      return [`DROP ${kind} ${qualified(ns, change.routine.name)}(${change.routine.signature})`]
    }
    case 'createView':
      return createView(ns, change.view)
    case 'dropView':
      return [
        `DROP ${change.view.materialized ? 'MATERIALIZED ' : ''}VIEW ${qualified(ns, change.view.name)}`,
      ]
    default:
      return tableStatements(change)
  }
}

function tableStatements(change: SchemaChange): string[] {
  if (!('table' in change)) return []
  const ns = change.namespace
  const table = qualified(ns, change.table)
  const alter = (clause: string) => `ALTER TABLE ${table} ${clause}`
  switch (change.kind) {
    case 'renameTable':
      return [alter(`RENAME TO ${id(change.to)}`)]
    case 'createTable':
      return createTable(ns, change.definition)
    case 'dropTable':
      return [`DROP TABLE ${table}`]
    case 'renameColumn':
      return [alter(`RENAME COLUMN ${id(change.from)} TO ${id(change.to)}`)]
    case 'addColumn': {
      const column = change.column
      const comment =
        column.comment === null
          ? []
          : [columnComment(ns, change.table, column.name, column.comment)]
      if (change.backfill === null)
        return [alter(`ADD COLUMN ${columnDefinition(column)}`), ...comment]
      return [
        alter(`ADD COLUMN ${columnDefinition({ ...column, nullable: true })}`),
        `UPDATE ${table} SET ${id(column.name)} = ${change.backfill}`,
        alter(`ALTER COLUMN ${id(column.name)} SET NOT NULL`),
        ...comment,
      ]
    }
    case 'dropColumn':
      return [alter(`DROP COLUMN ${id(change.column.name)}`)]
    case 'alterColumn':
      return alterColumn(ns, change.table, change.from, change.to, change.backfill)
    case 'setPrimaryKey':
      return [
        alter(
          `ADD CONSTRAINT ${id(change.key.name)} PRIMARY KEY (${change.key.columns.map(id).join(', ')})`,
        ),
      ]
    case 'dropPrimaryKey':
      return [alter(`DROP CONSTRAINT ${id(change.key.name)}`)]
    case 'addUnique':
      return [
        alter(
          `ADD CONSTRAINT ${id(change.unique.name)} UNIQUE (${change.unique.columns.map(id).join(', ')})`,
        ),
      ]
    case 'dropUnique':
      return [alter(`DROP CONSTRAINT ${id(change.unique.name)}`)]
    case 'addCheck':
      return [alter(`ADD CONSTRAINT ${id(change.check.name)} CHECK ${change.check.expression}`)]
    case 'dropCheck':
      return [alter(`DROP CONSTRAINT ${id(change.check.name)}`)]
    case 'addForeignKey':
      return [addForeignKey(ns, change.table, change.foreignKey)]
    case 'dropForeignKey':
      return [alter(`DROP CONSTRAINT ${id(change.foreignKey.name)}`)]
    case 'renameConstraint':
      return [alter(`RENAME CONSTRAINT ${id(change.from)} TO ${id(change.to)}`)]
    case 'addIndex':
      return [createIndex(ns, change.table, change.index)]
    case 'dropIndex':
      return [`DROP INDEX ${qualified(ns, change.index.name)}`]
    case 'renameIndex':
      return [`ALTER INDEX ${qualified(ns, change.from)} RENAME TO ${id(change.to)}`]
    case 'setTableComment':
      return [tableComment(ns, change.table, change.comment)]
    case 'createTrigger':
      return [change.trigger.definition]
    case 'dropTrigger':
      return [`DROP TRIGGER ${id(change.trigger.name)} ON ${table}`]
    default:
      // Table options are SQLite's alone.
      return []
  }
}

/** ALTER COLUMN clauses for what differs, in an order each can run in. */
function alterColumn(
  ns: string,
  tableName: string,
  from: Column,
  to: Column,
  backfill: string | null,
): string[] {
  const table = qualified(ns, tableName)
  const column = id(to.name)
  const alter = (clause: string) => `ALTER TABLE ${table} ALTER COLUMN ${column} ${clause}`
  const out: string[] = []
  const newExpression =
    to.generated !== null && JSON.stringify(from.generated) !== JSON.stringify(to.generated)
  if (newExpression)
    // PostgreSQL 15 cannot change a generation expression; the values are computed again anyway.
    return [
      `ALTER TABLE ${table} DROP COLUMN ${column}`,
      `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(to)}`,
      ...(to.comment === null ? [] : [columnComment(ns, tableName, to.name, to.comment)]),
    ]
  if (from.generated && !to.generated) out.push(alter('DROP EXPRESSION'))
  const retyped = from.type !== to.type || from.collation !== to.collation
  if (retyped) {
    // The old default may not convert to the new type; it is set again below.
    if (from.default !== null) out.push(alter('DROP DEFAULT'))
    const collate = to.collation ? ` COLLATE ${id(to.collation)}` : ''
    // An explicit cast would silently cut a value to a shorter varchar or round it to a lower
    // precision; within one family the implicit assignment cast refuses such values instead.
    const using = sameTypeFamily(from.type, to.type) ? '' : ` USING ${column}::${to.type}`
    out.push(alter(`TYPE ${to.type}${collate}${using}`))
  }
  if (to.default !== from.default || (retyped && from.default !== null))
    out.push(to.default === null ? alter('DROP DEFAULT') : alter(`SET DEFAULT ${to.default}`))
  if (from.identity !== to.identity) {
    if (to.identity === null) out.push(alter('DROP IDENTITY'))
    else if (from.identity === null)
      out.push(alter(`ADD GENERATED ${to.identity.toUpperCase()} AS IDENTITY`))
    else out.push(alter(`SET GENERATED ${to.identity.toUpperCase()}`))
  }
  if (from.nullable && !to.nullable) {
    if (backfill !== null)
      out.push(`UPDATE ${table} SET ${column} = ${backfill} WHERE ${column} IS NULL`)
    out.push(alter('SET NOT NULL'))
  } else if (!from.nullable && to.nullable) out.push(alter('DROP NOT NULL'))
  if (from.comment !== to.comment) out.push(columnComment(ns, tableName, to.name, to.comment))
  return out
}

import type { SchemaChange } from '../../../shared/schema/SchemaChange'
import type { CheckConstraint, ForeignKey } from '../../../shared/schema/model'
import { quoteLiteral } from '../../../shared/sql/quote'
import type { MigrationPlan } from '../../diff/MigrationPlan'
import { addForeignKey, columnDefinition, createTable, id, indexDefinition } from './generateDdl'

/**
 * MySQL/MariaDB: each statement commits on its own, so every one is written
 * to succeed or fail whole. A changed column is restated in full with
 * MODIFY COLUMN, as the server needs.
 */
export function planChanges(changes: SchemaChange[]): MigrationPlan {
  return { statements: changes.flatMap(statementsFor), foreignKeysOff: false }
}

function statementsFor(change: SchemaChange): string[] {
  switch (change.kind) {
    case 'createRoutine':
      return [change.routine.definition]
    case 'dropRoutine': {
      const kind = /^\s*CREATE\s+(\S+\s+)*?PROCEDURE/i.test(change.routine.definition)
        ? 'PROCEDURE'
        : 'FUNCTION'
      return [`DROP ${kind} ${id(change.routine.name)}`]
    }
    case 'createView':
      return [`CREATE VIEW ${id(change.view.name)} AS ${change.view.definition}`]
    case 'dropView':
      return [`DROP VIEW ${id(change.view.name)}`]
    case 'createTable':
      return [createTable(change.definition)]
    case 'dropTable':
      return [`DROP TABLE ${id(change.table)}`]
    case 'renameTable':
      return [`RENAME TABLE ${id(change.table)} TO ${id(change.to)}`]
    default:
      return 'table' in change ? alterTable(change) : []
  }
}

function alterTable(change: SchemaChange & { table: string }): string[] {
  const table = id(change.table)
  const alter = (clause: string) => `ALTER TABLE ${table} ${clause}`
  switch (change.kind) {
    case 'renameColumn':
      return [alter(`RENAME COLUMN ${id(change.from)} TO ${id(change.to)}`)]
    case 'addColumn': {
      const column = change.column
      if (change.backfill === null) return [alter(`ADD COLUMN ${columnDefinition(column)}`)]
      return [
        alter(`ADD COLUMN ${columnDefinition({ ...column, nullable: true })}`),
        `UPDATE ${table} SET ${id(column.name)} = ${change.backfill}`,
        alter(`MODIFY COLUMN ${columnDefinition(column)}`),
      ]
    }
    case 'dropColumn':
      return [alter(`DROP COLUMN ${id(change.column.name)}`)]
    case 'alterColumn': {
      const column = id(change.to.name)
      const fill =
        change.backfill === null
          ? []
          : [`UPDATE ${table} SET ${column} = ${change.backfill} WHERE ${column} IS NULL`]
      return [...fill, alter(`MODIFY COLUMN ${columnDefinition(change.to)}`)]
    }
    case 'setPrimaryKey':
      return [alter(`ADD PRIMARY KEY (${change.key.columns.map(id).join(', ')})`)]
    case 'dropPrimaryKey':
      return [alter('DROP PRIMARY KEY')]
    case 'addUnique':
      return [
        alter(
          `ADD CONSTRAINT ${id(change.unique.name)} UNIQUE (${change.unique.columns.map(id).join(', ')})`,
        ),
      ]
    case 'dropUnique':
      return [alter(`DROP INDEX ${id(change.unique.name)}`)]
    case 'addCheck':
      return [alter(addCheck(change.check))]
    case 'dropCheck':
      return [alter(`DROP CONSTRAINT ${id(change.check.name)}`)]
    case 'addForeignKey':
      return [addForeignKey(change.namespace, change.table, change.foreignKey)]
    case 'dropForeignKey':
      return [alter(`DROP FOREIGN KEY ${id(change.foreignKey.name)}`)]
    case 'renameConstraint':
      // Keys are indexes, renamed as such; checks and foreign keys cannot be renamed, only made again.
      if (change.constraint === 'check')
        return [
          alter(`DROP CONSTRAINT ${id(change.from)}`),
          alter(addCheck(change.definition as CheckConstraint)),
        ]
      if (change.constraint === 'foreignKey')
        return [
          alter(`DROP FOREIGN KEY ${id(change.from)}`),
          addForeignKey(change.namespace, change.table, change.definition as ForeignKey),
        ]
      return [alter(`RENAME INDEX ${id(change.from)} TO ${id(change.to)}`)]
    case 'addIndex':
      return [alter(`ADD ${indexDefinition(change.index)}`)]
    case 'dropIndex':
      return [alter(`DROP INDEX ${id(change.index.name)}`)]
    case 'renameIndex':
      return [alter(`RENAME INDEX ${id(change.from)} TO ${id(change.to)}`)]
    case 'setTableComment':
      return [alter(`COMMENT = ${quoteLiteral('mysql', change.comment ?? '')}`)]
    case 'createTrigger':
      return [change.trigger.definition]
    case 'dropTrigger':
      return [`DROP TRIGGER ${id(change.trigger.name)}`]
    default:
      return []
  }
}

const addCheck = (check: CheckConstraint) =>
  `ADD CONSTRAINT ${id(check.name)} CHECK (${check.expression})`

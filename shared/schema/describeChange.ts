import type { SchemaChangeBody } from './SchemaChange'

/** One line saying what a change does, for the compare view and the migration's header. */
export function describeChange(change: SchemaChangeBody): string {
  const t = 'table' in change ? change.table : ''
  switch (change.kind) {
    case 'createNamespace':
      return `create schema ${change.namespace}`
    case 'dropNamespace':
      return `drop schema ${change.namespace}`
    case 'createEnum':
      return `create type ${change.enum.name}`
    case 'dropEnum':
      return `drop type ${change.enum.name}`
    case 'addEnumValues':
      return `add ${change.values.join(', ')} to type ${change.name}`
    case 'createSequence':
      return `create sequence ${change.sequence.name}`
    case 'dropSequence':
      return `drop sequence ${change.sequence.name}`
    case 'createRoutine':
      return `create or replace ${change.routine.name}(${change.routine.signature})`
    case 'dropRoutine':
      return `drop ${change.routine.name}(${change.routine.signature})`
    case 'renameTable':
      return `rename table ${t} to ${change.to}`
    case 'createTable':
      return `create table ${t}`
    case 'dropTable':
      return `drop table ${t}`
    case 'renameColumn':
      return `rename column ${t}.${change.from} to ${change.to}`
    case 'addColumn':
      return `add column ${t}.${change.column.name} ${change.column.type}${change.column.nullable ? '' : ' NOT NULL'}${change.backfill === null ? '' : ` (existing rows: ${change.backfill})`}`
    case 'dropColumn':
      return `drop column ${t}.${change.column.name}`
    case 'alterColumn':
      return `alter column ${t}.${change.to.name}: ${columnChanges(change.from, change.to).join(', ')}${change.backfill === null ? '' : ` (NULLs become ${change.backfill})`}`
    case 'setPrimaryKey':
      return `add primary key on ${t} (${change.key.columns.join(', ')})`
    case 'dropPrimaryKey':
      return `drop primary key of ${t}`
    case 'addUnique':
      return `add unique ${change.unique.name} on ${t} (${change.unique.columns.join(', ')})`
    case 'dropUnique':
      return `drop unique ${change.unique.name} on ${t}`
    case 'addCheck':
      return `add check ${change.check.name} on ${t}`
    case 'dropCheck':
      return `drop check ${change.check.name} on ${t}`
    case 'addForeignKey':
      return `add foreign key ${t} (${change.foreignKey.columns.join(', ')}) → ${change.foreignKey.referencedTable} ON DELETE ${change.foreignKey.onDelete.toUpperCase()}`
    case 'dropForeignKey':
      return `drop foreign key ${change.foreignKey.name} on ${t}`
    case 'renameConstraint':
      return `rename constraint ${change.from} on ${t} to ${change.to}`
    case 'addIndex':
      return `add index ${change.index.name} on ${t}`
    case 'dropIndex':
      return `drop index ${change.index.name} on ${t}`
    case 'renameIndex':
      return `rename index ${change.from} on ${t} to ${change.to}`
    case 'setTableComment':
      return `set the comment of ${t}`
    case 'setTableOptions':
      return `set ${t} options to ${change.options.join(', ') || 'none'}`
    case 'createTrigger':
      return `create trigger ${change.trigger.name} on ${t}`
    case 'dropTrigger':
      return `drop trigger ${change.trigger.name} on ${t}`
    case 'createView':
      return `create view ${change.view.name}`
    case 'dropView':
      return `drop view ${change.view.name}`
  }
}

function columnChanges(
  from: { type: string; nullable: boolean; default: string | null },
  to: { type: string; nullable: boolean; default: string | null },
): string[] {
  const out: string[] = []
  if (from.type !== to.type) out.push(`type ${from.type} → ${to.type}`)
  if (from.nullable !== to.nullable) out.push(to.nullable ? 'NULL allowed' : 'NOT NULL')
  if (from.default !== to.default) out.push(`default ${to.default ?? 'none'}`)
  return out.length > 0 ? out : ['definition']
}

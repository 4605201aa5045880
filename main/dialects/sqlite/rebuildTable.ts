import type { Table } from '../../../shared/schema/model'
import { createIndex, createTable, id } from './generateDdl'

/** Where each column of the rebuilt table takes its values from. */
export interface ColumnSource {
  column: string
  /** An SQL expression over the old table's columns. */
  value: string
}

/**
 * The steps SQLite documents for changes ALTER TABLE cannot make: a new table
 * with the target definition, the rows copied, the old table dropped and the
 * new one renamed into place, then its indexes and triggers made again.
 * Foreign keys must be off around the migration's transaction (the caller's
 * job), or dropping the old table would delete or orphan its children's rows.
 */
export function rebuildTable(target: Table, sources: ColumnSource[]): string[] {
  const temporary = `_sluice_new_${target.name}`
  const copy =
    sources.length === 0
      ? []
      : [
          `INSERT INTO ${id(temporary)} (${sources.map((s) => id(s.column)).join(', ')}) SELECT ${sources.map((s) => s.value).join(', ')} FROM ${id(target.name)}`,
        ]
  return [
    createTable({ ...target, name: temporary }),
    ...copy,
    `DROP TABLE ${id(target.name)}`,
    `ALTER TABLE ${id(temporary)} RENAME TO ${id(target.name)}`,
    ...target.indexes.map((index) => createIndex(target.name, index)),
    ...target.triggers.map((trigger) => trigger.definition),
  ]
}

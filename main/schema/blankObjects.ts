import type { Namespace, Table } from '../../shared/schema/model'

/** A namespace before its objects are read in. */
export function blankNamespace(name: string): Namespace {
  return { name, tables: [], views: [], sequences: [], enums: [], routines: [] }
}

/** A table before its columns, keys, indexes, checks and triggers are read in. */
export function blankTable(name: string, comment: string | null): Table {
  return {
    name,
    columns: [],
    primaryKey: null,
    uniques: [],
    indexes: [],
    foreignKeys: [],
    checks: [],
    triggers: [],
    comment,
    options: [],
  }
}

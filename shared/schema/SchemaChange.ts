import type {
  CheckConstraint,
  Column,
  EnumType,
  ForeignKey,
  Index,
  KeyConstraint,
  Routine,
  Sequence,
  Table,
  Trigger,
  View,
} from './model'

/**
 * How a change treats data already in the database:
 * - `safe` keeps every row and value;
 * - `destructive` may lose data (a drop, a narrower type);
 * - `needsValue` makes a column NOT NULL with nothing to put in existing rows
 *   until the user gives a backfill value.
 */
export type Safety = 'safe' | 'destructive' | 'needsValue'

/** Where a table-level change applies. */
export interface TableRef {
  namespace: string
  table: string
}

export type ConstraintKind = 'primaryKey' | 'unique' | 'check' | 'foreignKey'

/**
 * One step from one schema to another, as plain data: the diff lists them in
 * the order they must run, and each dialect's planner turns them into DDL.
 */
export type SchemaChangeBody =
  | { kind: 'createNamespace'; namespace: string }
  | { kind: 'dropNamespace'; namespace: string }
  | { kind: 'createEnum'; namespace: string; enum: EnumType }
  | { kind: 'dropEnum'; namespace: string; enum: EnumType }
  /** Only appended values; any other enum change is a drop and a create. */
  | { kind: 'addEnumValues'; namespace: string; name: string; values: string[] }
  | { kind: 'createSequence'; namespace: string; sequence: Sequence }
  | { kind: 'dropSequence'; namespace: string; sequence: Sequence }
  | { kind: 'createRoutine'; namespace: string; routine: Routine }
  | { kind: 'dropRoutine'; namespace: string; routine: Routine }
  | ({ kind: 'renameTable'; to: string } & TableRef)
  | ({ kind: 'createTable'; definition: Table } & TableRef)
  | ({ kind: 'dropTable'; definition: Table } & TableRef)
  | ({ kind: 'renameColumn'; from: string; to: string } & TableRef)
  | ({ kind: 'addColumn'; column: Column; backfill: string | null } & TableRef)
  | ({ kind: 'dropColumn'; column: Column } & TableRef)
  | ({ kind: 'alterColumn'; from: Column; to: Column; backfill: string | null } & TableRef)
  | ({ kind: 'setPrimaryKey'; key: KeyConstraint } & TableRef)
  | ({ kind: 'dropPrimaryKey'; key: KeyConstraint } & TableRef)
  | ({ kind: 'addUnique'; unique: KeyConstraint } & TableRef)
  | ({ kind: 'dropUnique'; unique: KeyConstraint } & TableRef)
  | ({ kind: 'addCheck'; check: CheckConstraint } & TableRef)
  | ({ kind: 'dropCheck'; check: CheckConstraint } & TableRef)
  | ({ kind: 'addForeignKey'; foreignKey: ForeignKey } & TableRef)
  | ({ kind: 'dropForeignKey'; foreignKey: ForeignKey } & TableRef)
  | ({
      kind: 'renameConstraint'
      constraint: ConstraintKind
      from: string
      to: string
      /** The constraint under its new name, for dialects that can only drop and re-add it. */
      definition: KeyConstraint | CheckConstraint | ForeignKey
    } & TableRef)
  | ({ kind: 'addIndex'; index: Index } & TableRef)
  | ({ kind: 'dropIndex'; index: Index } & TableRef)
  | ({ kind: 'renameIndex'; from: string; to: string } & TableRef)
  | ({ kind: 'setTableComment'; comment: string | null } & TableRef)
  /** SQLite's `WITHOUT ROWID` or `STRICT`: only a rebuild changes them. */
  | ({ kind: 'setTableOptions'; options: string[] } & TableRef)
  | ({ kind: 'createTrigger'; trigger: Trigger } & TableRef)
  | ({ kind: 'dropTrigger'; trigger: Trigger } & TableRef)
  | { kind: 'createView'; namespace: string; view: View }
  | { kind: 'dropView'; namespace: string; view: View }

export type SchemaChange = SchemaChangeBody & {
  safety: Safety
  /** Why it is not safe, in words for the compare view and the migration's comments. */
  reason: string | null
}

/** A rename the user confirmed, which the diff otherwise shows as a drop and an add. */
export type Rename =
  | { kind: 'table'; namespace: string; from: string; to: string }
  | { kind: 'column'; namespace: string; table: string; from: string; to: string }

/** A value for existing rows of a column that becomes NOT NULL, as an SQL expression. */
export interface Backfill {
  namespace: string
  table: string
  column: string
  value: string
}

/** What the diff found: the ordered changes and the renames it could propose. */
export interface SchemaDiff {
  changes: SchemaChange[]
  /** Drop-and-add pairs that might be renames; asked, never assumed. */
  renameCandidates: Rename[]
}

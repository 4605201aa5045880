import type { DialectName } from '../connectionUrl'

/**
 * The neutral schema model every dialect's introspector produces and every
 * DDL generator, diff and completion consumes. Plain data: it serialises as
 * JSON, compares with a deep equal, and lists everything in a stable order
 * (namespaces, tables, views and so on by name; columns by position).
 * Expressions (defaults, checks, predicates, view bodies) are kept as the
 * database itself prints them, so a round trip compares like with like.
 */
export interface DatabaseSchema {
  dialect: DialectName
  namespaces: Namespace[]
}

export interface Namespace {
  /** PostgreSQL schema, MySQL database, or SQLite's `main`. */
  name: string
  tables: Table[]
  views: View[]
  sequences: Sequence[]
  enums: EnumType[]
  routines: Routine[]
}

export interface Table {
  name: string
  columns: Column[]
  primaryKey: KeyConstraint | null
  uniques: KeyConstraint[]
  indexes: Index[]
  foreignKeys: ForeignKey[]
  checks: CheckConstraint[]
  triggers: Trigger[]
  comment: string | null
  /** Options written after the column list, as the dialect spells them: SQLite's `WITHOUT ROWID`, `STRICT`. */
  options: string[]
}

/** The type families the rest of Sluice reasons about, whatever each database calls them. */
export type NormalizedType =
  | 'boolean'
  | 'integer'
  | 'bigint'
  | 'decimal'
  | 'float'
  | 'text'
  | 'binary'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'interval'
  | 'uuid'
  | 'json'
  | 'enum'
  | 'array'
  | 'other'

export interface Column {
  name: string
  /** The declared type as the database prints it, e.g. `character varying(120)`. */
  type: string
  normalizedType: NormalizedType
  nullable: boolean
  /** The default as an expression, e.g. `now()` or `'draft'::text`; null when there is none. */
  default: string | null
  identity: 'always' | 'by default' | 'autoincrement' | null
  generated: { expression: string; stored: boolean } | null
  /** MySQL's `ON UPDATE` expression, e.g. `current_timestamp()`. */
  onUpdate: string | null
  /** Only when it differs from the type's (or table's) default collation. */
  collation: string | null
  comment: string | null
}

export interface KeyConstraint {
  name: string
  columns: string[]
}

export interface IndexPart {
  /** A column name, or an expression such as `lower(email)`. */
  expression: string
  isColumn: boolean
  descending: boolean
  /** A PostgreSQL operator class other than the type's default, e.g. `varchar_pattern_ops`. */
  operatorClass: string | null
}

export interface Index {
  name: string
  unique: boolean
  parts: IndexPart[]
  /** A partial index's predicate. */
  where: string | null
  /** btree, gin, hash…; null where the dialect has one kind. */
  method: string | null
}

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default'

export interface ForeignKey {
  name: string
  columns: string[]
  referencedNamespace: string
  referencedTable: string
  referencedColumns: string[]
  onDelete: ReferentialAction
  onUpdate: ReferentialAction
  deferrable: 'not deferrable' | 'initially immediate' | 'initially deferred'
}

export interface CheckConstraint {
  name: string
  expression: string
}

export interface Trigger {
  name: string
  /** The whole CREATE TRIGGER statement as the database prints it. */
  definition: string
}

export interface View {
  name: string
  materialized: boolean
  /** The SELECT, as the database prints it. */
  definition: string
  columns: string[]
  comment: string | null
}

export interface Sequence {
  name: string
  type: string
  start: string
  increment: string
  min: string
  max: string
  cycle: boolean
  /** `table.column` for a sequence a serial column owns. */
  ownedBy: string | null
}

export interface EnumType {
  name: string
  values: string[]
}

/** A function or procedure, kept because triggers need theirs to exist. */
export interface Routine {
  name: string
  /** Argument types, to tell overloads apart. */
  signature: string
  /** The whole CREATE statement as the database prints it. */
  definition: string
}

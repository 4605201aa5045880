import type { SchemaObject } from '../../../shared/contract'
import type { ObjectAction, OtherObject, StatementTarget } from '../../../shared/schemaContract'

/** What the tree can do with an object; the workspace provides them, since they open tabs and dialogs. */
export interface ObjectActions {
  /** A table or view's rows in its tab (double-click, Enter, Open data). */
  openData(object: SchemaObject): void
  openStructure(object: SchemaObject): void
  /** Any other object's DDL in its tab. */
  openDefinition(object: OtherObject): void
  queryJson(object: SchemaObject): void
  exportRows(object: SchemaObject): void
  /** A template opens in a new query tab; TRUNCATE and DROP ask first, naming the object, then run. */
  statement(target: StatementTarget, action: ObjectAction): void
}

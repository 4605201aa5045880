import type { SchemaChangeBody } from '../../shared/schema/SchemaChange'

/**
 * The order changes run in, so each finds what it needs: dependents (triggers,
 * views, foreign keys) go before what they depend on is dropped or altered,
 * and come back after it exists again.
 */
const phaseOrder = [
  // Renames first, so every later change names tables and columns as the target does.
  'renames',
  'dropDependents',
  'dropConstraints',
  'dropTables',
  'createTypes',
  'tables',
  'dropColumns',
  'addConstraints',
  'addForeignKeys',
  'createDependents',
  'dropTypes',
] as const

export type Phase = (typeof phaseOrder)[number]

export class PhasedChanges {
  private readonly phases = new Map<Phase, SchemaChangeBody[]>(phaseOrder.map((p) => [p, []]))

  add(phase: Phase, ...changes: SchemaChangeBody[]): void {
    this.phases.get(phase)!.push(...changes)
  }

  inOrder(): SchemaChangeBody[] {
    return phaseOrder.flatMap((p) => this.phases.get(p)!)
  }
}

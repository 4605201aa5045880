/** The DDL a dialect's planner writes for a list of changes. */
export interface MigrationPlan {
  /** Statements without terminating semicolons, in the order they run. */
  statements: string[]
  /**
   * SQLite: the migration rebuilds or drops tables, so foreign keys are
   * switched off around its transaction (the pragma does nothing inside one)
   * and checked before it commits.
   */
  foreignKeysOff: boolean
}

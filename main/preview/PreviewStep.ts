/** One migration to preview, already split into the statements that would be sent. */
export interface PreviewStep {
  version: string
  name: string
  statements: string[]
  /** False for `transaction:false`: PostgreSQL then previews on a scratch copy, not a rolled-back transaction. */
  transaction: boolean
  /** SQLite `foreign_keys:off`: run as the Migrator runs it, keys checked at the end. */
  foreignKeysOff: boolean
}

/** Statements a shadow must not run: they would end the transaction it lives in. */
export function isTransactionControl(sql: string): boolean {
  return /^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION|END)\b/i.test(sql)
}

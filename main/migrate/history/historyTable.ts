import type { DialectName } from '../../../shared/connectionUrl'
import { quoteIdentifier, quoteLiteral } from '../../../shared/sql/quote'
import type { MigrationSession } from '../../dialects/types'
import type { HistoryRow } from './HistoryRow'
import { tableExists } from './tableExists'

export const historyTable = 'sluice_migrations'

/** Column types per dialect; MySQL keys need a bounded length. */
const types: Record<DialectName, { key: string; text: string; time: string; big: string }> = {
  postgres: { key: 'text', text: 'text', time: 'timestamptz', big: 'bigint' },
  mysql: { key: 'varchar(191)', text: 'mediumtext', time: 'timestamp(3)', big: 'bigint' },
  sqlite: { key: 'text', text: 'text', time: 'text', big: 'integer' },
}

const columns = [
  'version',
  'name',
  'checksum',
  'applied_at',
  'applied_by',
  'execution_ms',
  'statements_total',
  'statements_applied',
  'status',
  'error',
  'failed_statement',
] as const

/** SQL for the history table of one session's dialect, every name quoted through the dialect. */
export class HistorySql {
  readonly table: string

  constructor(private readonly dialect: DialectName) {
    this.table = this.id(historyTable)
  }

  id(name: string): string {
    return quoteIdentifier(this.dialect, name)
  }

  text(value: string | null): string {
    return value === null ? 'NULL' : quoteLiteral(this.dialect, value)
  }

  create(): string {
    const t = types[this.dialect]
    const now = this.dialect === 'mysql' ? 'CURRENT_TIMESTAMP(3)' : 'CURRENT_TIMESTAMP'
    return `CREATE TABLE IF NOT EXISTS ${this.table} (
  ${this.id('version')} ${t.key} NOT NULL PRIMARY KEY,
  ${this.id('name')} ${t.text} NOT NULL,
  ${this.id('checksum')} ${t.key} NOT NULL,
  ${this.id('applied_at')} ${t.time} NOT NULL DEFAULT ${now},
  ${this.id('applied_by')} ${t.key} NOT NULL,
  ${this.id('execution_ms')} ${t.big} NOT NULL,
  ${this.id('statements_total')} integer NOT NULL,
  ${this.id('statements_applied')} integer NOT NULL,
  ${this.id('status')} ${t.key} NOT NULL,
  ${this.id('error')} ${t.text},
  ${this.id('failed_statement')} ${t.text}
)`
  }

  select(version?: string): string {
    const where =
      version === undefined ? '' : ` WHERE ${this.id('version')} = ${this.text(version)}`
    return `SELECT ${columns.map((c) => this.id(c)).join(', ')} FROM ${this.table}${where}`
  }

  insert(row: Omit<HistoryRow, 'appliedAt'>): string {
    const values = [
      this.text(row.version),
      this.text(row.name),
      this.text(row.checksum),
      this.text(row.appliedBy),
      String(Math.round(row.executionMs)),
      String(row.statementsTotal),
      String(row.statementsApplied),
      this.text(row.status),
      this.text(row.error),
      this.text(row.failedStatement),
    ]
    const names = columns.filter((c) => c !== 'applied_at').map((c) => this.id(c))
    return `INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${values.join(', ')})`
  }

  /** Sets some columns of one version's row; `applied_at` moves to now whenever the status changes. */
  update(version: string, set: Partial<Omit<HistoryRow, 'version' | 'appliedAt'>>): string {
    const assignments: string[] = []
    const column: Record<keyof typeof set, string> = {
      name: 'name',
      checksum: 'checksum',
      appliedBy: 'applied_by',
      executionMs: 'execution_ms',
      statementsTotal: 'statements_total',
      statementsApplied: 'statements_applied',
      status: 'status',
      error: 'error',
      failedStatement: 'failed_statement',
    }
    for (const [key, name] of Object.entries(column) as [keyof typeof set, string][]) {
      const value = set[key]
      if (value !== undefined)
        assignments.push(
          `${this.id(name)} = ${typeof value === 'number' ? String(Math.round(value)) : this.text(value)}`,
        )
    }
    if (set.status !== undefined)
      assignments.push(
        `${this.id('applied_at')} = ${this.dialect === 'mysql' ? 'CURRENT_TIMESTAMP(3)' : 'CURRENT_TIMESTAMP'}`,
      )
    return `UPDATE ${this.table} SET ${assignments.join(', ')} WHERE ${this.id('version')} = ${this.text(version)}`
  }

  delete(version: string): string {
    return `DELETE FROM ${this.table} WHERE ${this.id('version')} = ${this.text(version)}`
  }
}

/** The history; none while the table does not exist, which reading never creates. */
export async function readHistory(
  session: MigrationSession,
  sql: HistorySql,
): Promise<HistoryRow[]> {
  if (!(await tableExists(session, historyTable))) return []
  return (await session.query(sql.select())).map(toHistoryRow)
}

export function toHistoryRow(row: unknown[]): HistoryRow {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value))
  return {
    version: String(row[0]),
    name: String(row[1]),
    checksum: String(row[2]),
    appliedAt: String(row[3]),
    appliedBy: String(row[4]),
    executionMs: Number(row[5]),
    statementsTotal: Number(row[6]),
    statementsApplied: Number(row[7]),
    status: row[8] === 'applied' ? 'applied' : 'failed',
    error: text(row[9]),
    failedStatement: text(row[10]),
  }
}

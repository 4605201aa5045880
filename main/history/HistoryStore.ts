import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { HistoryEntry } from '../../shared/contract'
import { quoteLiteral } from '../../shared/sql/quote'
import { collectRows } from '../dialects/collectRows'
import { connectUrl } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'

const schema = [
  `CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    sql TEXT NOT NULL,
    connection TEXT NOT NULL,
    dialect TEXT NOT NULL,
    started_at TEXT NOT NULL,
    elapsed_ms REAL NOT NULL,
    row_count INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    affected_rows INTEGER
  )`,
  'CREATE INDEX IF NOT EXISTS history_started ON history (started_at)',
]

/**
 * Columns added since the first release, each with the ALTER that adds it to
 * a file made before: history files on users' machines are kept, not
 * replaced. Entries written before a column existed read it as NULL.
 */
const addedColumns = [
  { name: 'affected_rows', add: 'ALTER TABLE history ADD COLUMN affected_rows INTEGER' },
]

const outcomes: ReadonlySet<string> = new Set<HistoryEntry['outcome']>([
  'done',
  'error',
  'cancelled',
])

/** Statements longer than this are kept cut short: history is for finding a query again, not for archiving dumps. */
const maxSqlLength = 100_000

/** Entries kept: the newest; older ones are deleted as new ones come, so the file cannot grow without end. */
const defaultKept = 10_000

/**
 * Every statement run from the workbench, in an SQLite file in the user's
 * data folder. It goes through the same kind of SQLite connection as a
 * user's database (a child process), so the main thread never waits on the
 * disk, and one queue keeps its statements in order.
 */
export class HistoryStore {
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(private readonly connection: DialectConnection) {}

  static async open(file: string, kept = defaultKept): Promise<HistoryStore> {
    mkdirSync(dirname(file), { recursive: true })
    const connection = await connectUrl(`sqlite://${file}`)
    for (const statement of schema) await collectRows(connection, statement)
    const present = await columnNames(connection)
    for (const column of addedColumns)
      if (!present.has(column.name))
        await collectRows(connection, column.add).catch(async (error: unknown) => {
          // Another Sluice process opening the same file may have added it first.
          if (!(await columnNames(connection)).has(column.name)) throw error
        })
    // Pruned by the insert itself, in its own transaction: one write per entry, not two.
    // Ids only grow, so anything more than `kept` below the new one is older than what is kept.
    // A stored trigger, not a TEMP one, so it survives the connection's process being replaced.
    await collectRows(connection, 'DROP TRIGGER IF EXISTS history_prune')
    await collectRows(
      connection,
      `CREATE TRIGGER history_prune AFTER INSERT ON history BEGIN DELETE FROM history WHERE id <= NEW.id - ${Math.max(1, Math.trunc(kept))}; END`,
    )
    return new HistoryStore(connection)
  }

  add(entry: Omit<HistoryEntry, 'id'>): Promise<void> {
    const q = (text: string) => quoteLiteral('sqlite', text.replaceAll('\0', ''))
    const affected = entry.affectedRows === null ? 'NULL' : Math.trunc(entry.affectedRows)
    const sql = `INSERT INTO history (sql, connection, dialect, started_at, elapsed_ms, row_count, affected_rows, outcome) VALUES (${q(entry.sql.slice(0, maxSqlLength))}, ${q(entry.connection)}, ${q(entry.dialect)}, ${q(entry.startedAt)}, ${Number(entry.elapsedMs)}, ${Math.trunc(entry.rowCount)}, ${affected}, ${q(entry.outcome)})`
    return this.serial(() => collectRows(this.connection, sql)).then(() => undefined)
  }

  /** The newest entries whose SQL contains `text`, case-insensitively. */
  async search(text: string, limit: number): Promise<HistoryEntry[]> {
    const pattern = quoteLiteral(
      'sqlite',
      `%${text.replace(/[\\%_]/g, (c) => '\\' + c).replaceAll('\0', '')}%`,
    )
    const rows = await this.serial(() =>
      collectRows(
        this.connection,
        `SELECT id, sql, connection, dialect, started_at, elapsed_ms, row_count, affected_rows, outcome FROM history WHERE sql LIKE ${pattern} ESCAPE '\\' ORDER BY id DESC LIMIT ${Math.trunc(limit)}`,
      ),
    )
    return rows.map(
      ([id, sql, connection, dialect, startedAt, elapsedMs, rowCount, affectedRows, outcome]) => ({
        id: Number(id),
        sql: String(sql),
        connection: String(connection),
        dialect: String(dialect) as HistoryEntry['dialect'],
        startedAt: String(startedAt),
        elapsedMs: Number(elapsedMs),
        rowCount: Number(rowCount),
        affectedRows: affectedRows === null ? null : Number(affectedRows),
        outcome: outcomes.has(String(outcome)) ? (outcome as HistoryEntry['outcome']) : 'error',
      }),
    )
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined)
    await this.connection.close()
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.catch(() => undefined).then(work)
    this.queue = next
    return next
  }
}

async function columnNames(connection: DialectConnection): Promise<Set<string>> {
  const rows = await collectRows(connection, "SELECT name FROM pragma_table_info('history')")
  return new Set(rows.map(([name]) => String(name)))
}

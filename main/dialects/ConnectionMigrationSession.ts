import type { Cell } from '../../shared/cells'
import { collectRows } from './collectRows'
import { lockWaitExpired } from './lockWaitExpired'
import type { DialectConnection, ForeignKeySwitch, MigrationSession } from './types'

/** How a dialect whose DDL is transactional takes and gives back its migration lock. */
export interface SessionLock {
  lock(connection: DialectConnection, timeoutMs: number): Promise<void>
  unlock(connection: DialectConnection): Promise<void>
  beginStatement: string
  foreignKeySwitch?: ForeignKeySwitch
  /** The dialect's way of saying its lock wait ran out, when that is an ordinary statement error. */
  waitExpired?(error: unknown): boolean
}

/**
 * A migration session over an ordinary connection, for dialects whose DDL is
 * transactional: each migration and its history row commit together, so a
 * statement and its record need no special pairing.
 */
export class ConnectionMigrationSession implements MigrationSession {
  readonly beginStatement: string
  readonly foreignKeySwitch?: ForeignKeySwitch

  constructor(
    private readonly connection: DialectConnection,
    private readonly sessionLock: SessionLock,
  ) {
    this.beginStatement = sessionLock.beginStatement
    this.foreignKeySwitch = sessionLock.foreignKeySwitch
  }

  get dialect() {
    return this.connection.dialect
  }

  async query(sql: string): Promise<Cell[][]> {
    try {
      return await collectRows(this.connection, sql)
    } catch (error) {
      if (this.sessionLock.waitExpired?.(error)) throw lockWaitExpired()
      throw error
    }
  }

  async runThenRecord(sql: string, record: string): Promise<void> {
    await this.query(sql)
    await this.query(record)
  }

  lock(timeoutMs: number): Promise<void> {
    return this.sessionLock.lock(this.connection, timeoutMs)
  }

  unlock(): Promise<void> {
    return this.sessionLock.unlock(this.connection)
  }

  close(): Promise<void> {
    return this.connection.close()
  }
}

import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mysql from 'mysql2/promise'
import pg from 'pg'
import type { DialectName } from '../../shared/connectionUrl'

/** A database made for one test and dropped after it. */
export interface TestDatabase {
  url: string
  /** Where its tables are: SQLite's `main`, PostgreSQL's `public`, or the MySQL database itself. */
  schema: string
  drop(): Promise<void>
}

export const pgAdminUrl =
  process.env.SLUICE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const mysqlAdminUrl = process.env.SLUICE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/'

export const allDialects: DialectName[] = ['sqlite', 'postgres', 'mysql']

function uniqueName(): string {
  return `sluice_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
}

function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl)
  url.pathname = '/' + database
  return url.toString()
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const name = uniqueName()
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-test-'))
    return {
      url: `sqlite://${join(dir, `${name}.db`)}`,
      schema: 'main',
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  if (dialect === 'postgres') {
    await pgAdmin(`CREATE DATABASE ${name}`)
    return {
      url: withDatabase(pgAdminUrl, name),
      schema: 'public',
      drop: () => pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    }
  }
  await mysqlAdmin(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`)
  return {
    url: withDatabase(mysqlAdminUrl, name),
    schema: name,
    drop: () => mysqlAdmin(`DROP DATABASE IF EXISTS ${name}`),
  }
}

export async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function mysqlAdmin(sql: string): Promise<void> {
  const conn = await mysql.createConnection(mysqlAdminUrl)
  try {
    await conn.query(sql)
  } finally {
    await conn.end()
  }
}

/** A role on each server whose password is checked (see scripts/prepare-test-machine.sh for PostgreSQL's pg_hba rule). */
export const authTestUser = { name: 'sluice_auth_test', password: 'right-password' }

export async function ensureAuthTestUsers(): Promise<void> {
  const { name, password } = authTestUser
  await pgAdmin(
    `DO $$ BEGIN CREATE ROLE ${name} LOGIN PASSWORD '${password}'; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
  )
  for (const host of ['%', 'localhost'])
    await mysqlAdmin(`CREATE USER IF NOT EXISTS '${name}'@'${host}' IDENTIFIED BY '${password}'`)
}

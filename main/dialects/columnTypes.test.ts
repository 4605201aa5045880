import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import type { ColumnInfo } from '../../shared/contract'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { connectUrl } from './registry'
import type { DialectConnection } from './types'

/**
 * Per dialect: a table with a column of every common type, and the type the
 * result grid must show for each, which is what the structure view shows.
 * `resultOnly` lists columns whose result type differs from introspection's, and why.
 */
const cases: Record<
  DialectName,
  { setup: string[]; expected: Record<string, string>; resultOnly?: Record<string, string> }
> = {
  postgres: {
    setup: [
      `CREATE TYPE mood AS ENUM ('happy', 'sad')`,
      `CREATE DOMAIN short_text AS varchar(10)`,
      `CREATE TABLE every_type (
        a smallint, b integer, c bigint, d numeric(10,2), e numeric, f real, g double precision,
        h boolean, i character(3), j character varying(60), k text, l bytea, m date, n time,
        o time(3) with time zone, p timestamp, q timestamp(3) with time zone, r interval,
        s interval day to second(2), t interval year, u uuid, v json, w jsonb, x integer[],
        y character varying(20)[], z bit(5), aa bit varying(8), ab mood, ac short_text, ad inet,
        ae "char", af money, ag xml, ah point, ai numeric(4,4)[], aj bpchar, ak "bit"
      )`,
    ],
    expected: {
      a: 'smallint',
      b: 'integer',
      c: 'bigint',
      d: 'numeric(10,2)',
      e: 'numeric',
      f: 'real',
      g: 'double precision',
      h: 'boolean',
      i: 'character(3)',
      j: 'character varying(60)',
      k: 'text',
      l: 'bytea',
      m: 'date',
      n: 'time without time zone',
      o: 'time(3) with time zone',
      p: 'timestamp without time zone',
      q: 'timestamp(3) with time zone',
      r: 'interval',
      s: 'interval day to second(2)',
      t: 'interval year',
      u: 'uuid',
      v: 'json',
      w: 'jsonb',
      x: 'integer[]',
      y: 'character varying(20)[]',
      z: 'bit(5)',
      aa: 'bit varying(8)',
      ab: 'mood',
      ac: 'short_text',
      ad: 'inet',
      ae: '"char"',
      af: 'money',
      ag: 'xml',
      ah: 'point',
      ai: 'numeric(4,4)[]',
      aj: 'bpchar',
      ak: '"bit"',
    },
    // The protocol describes a domain's column by its base type and modifier (printtup.c).
    resultOnly: { ac: 'character varying(10)' },
  },
  mysql: {
    setup: [
      `CREATE TABLE every_type (
        a tinyint, b smallint unsigned, c mediumint, d int, e int unsigned, f bigint,
        g bigint unsigned, h decimal(10,2), i decimal(5,0) unsigned, j decimal(3,3), k float,
        l double, m float(7,3), n bit(5), o boolean, p char(3), q varchar(60),
        r varchar(10) CHARACTER SET latin1, s binary(4), t varbinary(16), u tinytext, v text,
        w mediumtext, x longtext, y tinyblob, z blob, aa mediumblob, ab longblob, ac date,
        ad datetime, ae datetime(3), af timestamp(6) NULL, ag time, ah time(2), ai year,
        aj json, ak enum('a','b'), al set('x','y'), am int(5) zerofill
      )`,
    ],
    // MariaDB's own words; MySQL 8.0.19 and later print no integer display widths.
    expected: {
      a: 'tinyint(4)',
      b: 'smallint(5) unsigned',
      c: 'mediumint(9)',
      d: 'int(11)',
      e: 'int(10) unsigned',
      f: 'bigint(20)',
      g: 'bigint(20) unsigned',
      h: 'decimal(10,2)',
      i: 'decimal(5,0) unsigned',
      j: 'decimal(3,3)',
      k: 'float',
      l: 'double',
      m: 'float(7,3)',
      n: 'bit(5)',
      o: 'tinyint(1)',
      p: 'char(3)',
      q: 'varchar(60)',
      r: 'varchar(10)',
      s: 'binary(4)',
      t: 'varbinary(16)',
      u: 'tinytext',
      v: 'text',
      w: 'mediumtext',
      x: 'longtext',
      y: 'tinyblob',
      z: 'blob',
      aa: 'mediumblob',
      ab: 'longblob',
      ac: 'date',
      ad: 'datetime',
      ae: 'datetime(3)',
      af: 'timestamp(6)',
      ag: 'time',
      ah: 'time(2)',
      ai: 'year(4)',
      aj: 'json',
      ak: "enum('a','b')",
      al: "set('x','y')",
      am: 'int(5) unsigned zerofill',
    },
  },
  sqlite: {
    setup: [
      `CREATE TABLE every_type (
        a INTEGER, b int, c TEXT, d varchar(60), e REAL, f BLOB, g NUMERIC, h decimal(10,2),
        i boolean, j datetime, k json, l
      )`,
    ],
    // SQLite's declared type as it stores it (it spells `int` INT), and none where none was declared.
    expected: {
      a: 'INTEGER',
      b: 'INT',
      c: 'TEXT',
      d: 'varchar(60)',
      e: 'REAL',
      f: 'BLOB',
      g: 'NUMERIC',
      h: 'decimal(10,2)',
      i: 'boolean',
      j: 'datetime',
      k: 'json',
      l: '',
    },
  },
}

/** Runs a statement to its end; the columns as last named (after any `columnTypes`). */
async function resultColumns(connection: DialectConnection, sql: string): Promise<ColumnInfo[]> {
  let columns: ColumnInfo[] = []
  for await (const event of connection.stream(sql, { batchSize: 100 }))
    if (event.kind === 'columns' || event.kind === 'columnTypes') columns = event.columns
  return columns
}

describe.each(allDialects)('%s result column types', (dialect) => {
  const { setup, expected, resultOnly = {} } = cases[dialect]
  let db: TestDatabase
  let connection: DialectConnection

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    connection = await connectUrl(db.url)
    for (const statement of setup) await resultColumns(connection, statement)
  })

  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  it('names every common type as the structure view does', async () => {
    const model = await connection.introspect()
    const table = model.namespaces.flatMap((ns) => ns.tables).find((t) => t.name === 'every_type')
    const introspected = Object.fromEntries(table!.columns.map((c) => [c.name, c.type]))
    expect(introspected).toEqual(expected)
    const columns = await resultColumns(connection, 'SELECT * FROM every_type')
    expect(Object.fromEntries(columns.map((c) => [c.name, c.type]))).toEqual({
      ...expected,
      ...resultOnly,
    })
  })

  it('says nothing rather than something wrong for an expression without a declared type', async () => {
    const [column] = await resultColumns(connection, 'SELECT 1 + 1 AS two')
    expect(column).toMatchObject({ name: 'two', type: dialect === 'sqlite' ? '' : /\S/ })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import type { OtherObject } from '../../shared/schemaContract'
import { collectRows } from '../dialects/collectRows'
import { connectUrl, dialects } from '../dialects/registry'
import type { DialectConnection } from '../dialects/types'
import { allDialects, createTestDatabase, type TestDatabase } from '../testing/testDatabases'
import { objectDefinition } from './objectDefinition'
import { objectStatement } from './objectStatement'

/** A name with a double quote, a backtick, a space, non-ASCII letters and a reserved word. */
const odd = 'we"ird `tick` ü order'
const oddTable = `${odd} tab`
const oddTrigger = `${odd} trg`

interface Fixture {
  /** Run one by one through the connection, which hands each to the driver whole: bodies stay intact. */
  setup: string[]
  /** What `listOthers` should give, `schema` aside (the test database's). */
  expected: Omit<OtherObject, 'schema'>[]
}

function fixture(dialect: DialectName): Fixture {
  const q = dialects[dialect].quoteIdentifier
  const table = q(oddTable)
  if (dialect === 'postgres')
    return {
      setup: [
        // Its functions and types must not be listed: they belong to the extension.
        `DO $$ BEGIN IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_trgm') THEN CREATE EXTENSION pg_trgm; END IF; END $$`,
        `CREATE TABLE ${table} (id integer PRIMARY KEY, n integer)`,
        `CREATE SCHEMA ${q(odd)}`,
        `CREATE SEQUENCE ${q(odd)}.${q(odd)}`,
        `CREATE SEQUENCE counter AS integer START 5 INCREMENT 2`,
        `CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s')`,
        `CREATE TYPE pair AS (a integer, b text COLLATE "C")`,
        `CREATE FUNCTION float_gap(a float8, b float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT a - b'`,
        // Its constructors and multirange type are made with it and must not be listed apart.
        `CREATE TYPE span AS RANGE (subtype = float8, subtype_diff = float_gap)`,
        `CREATE DOMAIN positive AS integer DEFAULT 1 NOT NULL CHECK (VALUE > 0)`,
        `CREATE FUNCTION add(a integer, b integer DEFAULT 2) RETURNS integer LANGUAGE sql AS 'SELECT a + b'`,
        `CREATE FUNCTION add(a text, b text) RETURNS text LANGUAGE sql AS 'SELECT a || b'`,
        `CREATE PROCEDURE ${q(odd)}(INOUT n integer) LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$`,
        `CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.n := 1; RETURN NEW; END $$`,
        `CREATE TRIGGER ${q(oddTrigger)} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch()`,
      ],
      expected: [
        { kind: 'sequence', name: 'counter', detail: 'integer', identity: '' },
        { kind: 'sequence', name: odd, detail: 'bigint', identity: '' },
        { kind: 'type', name: 'mood', detail: "enum (sad, ok, it's)", identity: '' },
        { kind: 'type', name: 'pair', detail: '(a integer, b text)', identity: '' },
        { kind: 'type', name: 'span', detail: 'range of double precision', identity: '' },
        { kind: 'domain', name: 'positive', detail: 'integer NOT NULL DEFAULT 1', identity: '' },
        {
          kind: 'function',
          name: 'add',
          detail: '(a integer, b integer DEFAULT 2) → integer',
          identity: 'a integer, b integer',
        },
        {
          kind: 'function',
          name: 'add',
          detail: '(a text, b text) → text',
          identity: 'a text, b text',
        },
        {
          kind: 'function',
          name: 'float_gap',
          detail: '(a double precision, b double precision) → double precision',
          identity: 'a double precision, b double precision',
        },
        { kind: 'procedure', name: odd, detail: '(INOUT n integer)', identity: 'INOUT n integer' },
        { kind: 'function', name: 'touch', detail: '() → trigger', identity: '' },
        {
          kind: 'trigger',
          name: oddTrigger,
          detail: `BEFORE INSERT OR UPDATE ON ${oddTable}`,
          identity: oddTable,
        },
      ],
    }
  if (dialect === 'mysql')
    return {
      setup: [
        `CREATE TABLE ${table} (id int PRIMARY KEY, n int)`,
        `CREATE PROCEDURE ${q(odd)}(IN a int, OUT b varchar(20))
         BEGIN
           DECLARE x int DEFAULT 1;
           SET b = CONCAT(a, x);
         END`,
        `CREATE FUNCTION twice(a int) RETURNS int DETERMINISTIC BEGIN RETURN a * 2; END`,
        // A function and a procedure may share a name: they are told apart by kind.
        `CREATE PROCEDURE twice(a int) BEGIN SELECT a * 2; END`,
        `CREATE TRIGGER ${q(oddTrigger)} BEFORE UPDATE ON ${table} FOR EACH ROW BEGIN SET NEW.n = 1; END`,
        `CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM ${table} WHERE n = 0`,
        `CREATE EVENT once ON SCHEDULE AT '2037-01-01 00:00:00' DISABLE DO DELETE FROM ${table}`,
      ],
      expected: [
        { kind: 'procedure', name: odd, detail: '(a int(11), OUT b varchar(20))', identity: '' },
        { kind: 'function', name: 'twice', detail: '(a int(11)) → int(11)', identity: '' },
        { kind: 'procedure', name: 'twice', detail: '(a int(11))', identity: '' },
        {
          kind: 'trigger',
          name: oddTrigger,
          detail: `BEFORE UPDATE ON ${oddTable}`,
          identity: oddTable,
        },
        { kind: 'event', name: 'nightly', detail: 'EVERY 1 DAY', identity: '' },
        {
          kind: 'event',
          name: 'once',
          detail: 'AT 2037-01-01 00:00:00, disabled',
          identity: '',
        },
      ],
    }
  return {
    setup: [
      `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, "select" TEXT, n INTEGER)`,
      `CREATE TRIGGER ${q(oddTrigger)} BEFORE UPDATE OF "select", n ON ${table} BEGIN SELECT 1; END`,
      // Named after a keyword, which SQLite takes as a name here.
      `CREATE TRIGGER after AFTER INSERT ON ${table} BEGIN SELECT 1; END`,
      `CREATE TRIGGER plain DELETE ON ${table} BEGIN SELECT 1; END`,
    ],
    expected: [
      {
        kind: 'trigger',
        name: oddTrigger,
        detail: `BEFORE UPDATE OF select, n ON ${oddTable}`,
        identity: oddTable,
      },
      { kind: 'trigger', name: 'after', detail: `AFTER INSERT ON ${oddTable}`, identity: oddTable },
      {
        kind: 'trigger',
        name: 'plain',
        detail: `BEFORE DELETE ON ${oddTable}`,
        identity: oddTable,
      },
    ],
  }
}

const order = (a: OtherObject, b: OtherObject) =>
  [a.kind, a.schema, a.name, a.identity].join('\0') <
  [b.kind, b.schema, b.name, b.identity].join('\0')
    ? -1
    : 1
const sorted = (objects: OtherObject[]) => [...objects].sort(order)

/** Drops in an order dependencies allow: triggers before their functions, a range type before its diff function. */
const dropOrder: OtherObject['kind'][] = [
  'trigger',
  'event',
  'type',
  'domain',
  'sequence',
  'function',
  'procedure',
]

describe.each(allDialects)('other schema objects on %s', (dialect) => {
  let db: TestDatabase
  let connection: DialectConnection
  const run = (sql: string) => collectRows(connection, sql)
  const { setup, expected } = fixture(dialect)
  const withSchema = (o: Omit<OtherObject, 'schema'>): OtherObject => ({
    ...o,
    schema: o.name === odd && o.kind === 'sequence' ? odd : db.schema,
  })

  beforeAll(async () => {
    db = await createTestDatabase(dialect)
    connection = await connectUrl(db.url)
    for (const statement of setup) await run(statement)
  })

  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  it('lists each kind with its detail and identity, and nothing the system or an extension made', async () => {
    expect(sorted(await connection.listOthers())).toEqual(sorted(expected.map(withSchema)))
  })

  it('narrows the listing to one object, telling overloads and kinds apart', async () => {
    const [first] = expected.map(withSchema)
    expect(await connection.listOthers(first)).toEqual([first])
    expect(await connection.listOthers({ ...first!, identity: 'nope' })).toEqual([])
    expect(await connection.listOthers({ ...first!, name: 'nope' })).toEqual([])
  })

  it('gives DDL that recreates every object after DROP removed it', async () => {
    const before = sorted(await connection.listOthers())
    const ddl = new Map<OtherObject, string>()
    for (const object of before) ddl.set(object, await objectDefinition(connection, object))
    const drops = [...before].sort((a, b) => dropOrder.indexOf(a.kind) - dropOrder.indexOf(b.kind))
    for (const object of drops) {
      const { sql, destructive } = await objectStatement(connection, object, 'drop')
      expect(destructive).toBe(true)
      await run(sql)
    }
    expect(await connection.listOthers()).toEqual([])
    for (const object of [...drops].reverse()) await run(ddl.get(object)!)
    const after = sorted(await connection.listOthers())
    expect(after).toEqual(before)
    for (const [k, object] of after.entries())
      expect(await objectDefinition(connection, object)).toBe(ddl.get(before[k]!))
  })

  it('says NOT_FOUND, naming the object, once it is gone', async () => {
    const missing = {
      schema: db.schema,
      name: 'gone',
      kind: 'trigger' as const,
      identity: oddTable,
    }
    await expect(objectDefinition(connection, missing)).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', message: expect.stringContaining('trigger "gone" on') },
    })
    await expect(objectStatement(connection, missing, 'drop')).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    })
    await expect(
      objectStatement(connection, { ...expected.map(withSchema)[0]!, kind: 'trigger' }, 'select'),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } })
  })
})

describe('PostgreSQL overloads and column sequences', () => {
  let db: TestDatabase
  let connection: DialectConnection

  beforeAll(async () => {
    db = await createTestDatabase('postgres')
    connection = await connectUrl(db.url)
    await collectRows(
      connection,
      `CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b'`,
    )
    await collectRows(
      connection,
      `CREATE FUNCTION add(a text, b text) RETURNS text LANGUAGE sql AS 'SELECT a || b'`,
    )
    await collectRows(connection, 'CREATE TABLE things (id serial PRIMARY KEY)')
    await collectRows(connection, 'CREATE TABLE counted (id integer GENERATED ALWAYS AS IDENTITY)')
  })

  it("lists a serial column's sequence with its owner, and not an identity column's", async () => {
    const sequences = (await connection.listOthers()).filter((o) => o.kind === 'sequence')
    expect(sequences).toEqual([
      {
        schema: 'public',
        name: 'things_id_seq',
        kind: 'sequence',
        detail: 'integer, owned by things.id',
        identity: '',
      },
    ])
    expect(await objectDefinition(connection, sequences[0]!)).toBe(
      'CREATE SEQUENCE "public"."things_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 NO CYCLE;\n\n' +
        'ALTER SEQUENCE "public"."things_id_seq" OWNED BY "public"."things"."id";',
    )
  })

  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  it("gives each overload its own DDL and DROP, and never takes the caller's argument text", async () => {
    const functions = async () =>
      (await connection.listOthers()).filter((o) => o.kind === 'function')
    const overloads = await functions()
    const [integers, texts] = sorted(overloads)
    expect(await objectDefinition(connection, integers!)).toBe(
      'CREATE OR REPLACE FUNCTION public.add(a integer, b integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$SELECT a + b$function$;',
    )
    expect(await objectDefinition(connection, texts!)).toBe(
      'CREATE OR REPLACE FUNCTION public.add(a text, b text)\n RETURNS text\n LANGUAGE sql\nAS $function$SELECT a || b$function$;',
    )
    expect((await objectStatement(connection, texts!, 'drop')).sql).toBe(
      'DROP FUNCTION "public"."add"(a text, b text)',
    )
    const injected = { ...texts!, identity: 'a text, b text); DROP TABLE x; --' }
    await expect(objectStatement(connection, injected, 'drop')).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    })
    await collectRows(connection, (await objectStatement(connection, texts!, 'drop')).sql)
    expect(await functions()).toEqual([integers])
  })
})

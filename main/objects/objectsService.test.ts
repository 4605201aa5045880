import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import type { MethodOutput } from '../../shared/contract'
import { openHarness, type Harness } from '../testing/serviceHarness'
import { allDialects } from '../testing/testDatabases'

/** A table and a trigger on it, each one statement the query path runs whole. */
function setup(dialect: DialectName): string[] {
  const table = 'CREATE TABLE notes (id integer PRIMARY KEY, body text)'
  if (dialect === 'postgres')
    return [
      table,
      `CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := 'x'; RETURN NEW; END $$`,
      'CREATE TRIGGER stamp_notes BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION stamp()',
    ]
  if (dialect === 'mysql')
    return [
      table,
      "CREATE TRIGGER stamp_notes BEFORE INSERT ON notes FOR EACH ROW SET NEW.body = 'x'",
    ]
  return [
    table,
    "CREATE TRIGGER stamp_notes AFTER INSERT ON notes BEGIN UPDATE notes SET body = 'x' WHERE id = NEW.id; END",
  ]
}

describe.each(allDialects)('schema objects through the service on %s', (dialect) => {
  let h: Harness
  let runs = 0
  const others = async () =>
    (
      (await h.call('schema.others', {
        connectionId: h.connectionId,
      })) as MethodOutput<'schema.others'>
    ).objects
  const run = async (sql: string) => {
    const event = await h.run(`q${++runs}`, sql)
    expect(event).toMatchObject({ type: 'query.done' })
  }

  beforeAll(async () => {
    h = await openHarness(dialect)
    for (const sql of setup(dialect)) await run(sql)
  })

  afterAll(() => h?.close())

  it('lists a trigger, shows its DDL, templates its table and drops it after confirming', async () => {
    const trigger = (await others()).find((o) => o.kind === 'trigger')!
    expect(trigger).toEqual({
      schema: h.db.schema,
      name: 'stamp_notes',
      kind: 'trigger',
      detail: `${dialect === 'sqlite' ? 'AFTER' : 'BEFORE'} INSERT ON notes`,
      identity: 'notes',
    })
    const { ddl } = (await h.call('schema.definition', {
      connectionId: h.connectionId,
      object: trigger,
    })) as MethodOutput<'schema.definition'>
    expect(ddl).toMatch(/^CREATE .*TRIGGER .*stamp_notes[\s\S]*;$/i)

    const notes = { schema: h.db.schema, name: 'notes', kind: 'table' }
    const insert = (await h.call('schema.statement', {
      connectionId: h.connectionId,
      object: notes,
      action: 'insert',
    })) as MethodOutput<'schema.statement'>
    expect(insert.destructive).toBe(false)
    await run(insert.sql)

    const drop = (await h.call('schema.statement', {
      connectionId: h.connectionId,
      object: trigger,
      action: 'drop',
    })) as MethodOutput<'schema.statement'>
    expect(drop.destructive).toBe(true)
    await run(drop.sql)
    expect((await others()).filter((o) => o.kind === 'trigger')).toEqual([])
    await expect(
      h.call('schema.definition', { connectionId: h.connectionId, object: trigger }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } })
  })

  it('refuses malformed requests at the boundary', async () => {
    const object = { schema: h.db.schema, name: 'notes', kind: 'table' }
    for (const [method, input] of [
      ['schema.statement', { connectionId: h.connectionId, object, action: 'explode' }],
      [
        'schema.statement',
        { connectionId: h.connectionId, object: { ...object, kind: 'index' }, action: 'drop' },
      ],
      [
        'schema.definition',
        { connectionId: h.connectionId, object: { ...object, kind: 'trigger' } },
      ],
      ['schema.others', { connectionId: h.connectionId, extra: 1 }],
    ] as const)
      await expect(h.call(method, input)).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } })
  })
})

import { describe, it } from 'vitest'
import type { DialectName } from '../../shared/connectionUrl'
import type { Rename } from '../../shared/schema/SchemaChange'
import { checkDiffCase } from '../testing/diffProperty'
import type { Survivor } from '../testing/randomSchemaPair'

/**
 * Every kind of object the diff covers beyond the random pairs' tables and
 * columns: checks, views, triggers, generated and identity columns, enums,
 * comments, composite keys, and renames under foreign keys. Each case is
 * applied to a database holding A with rows, which must then read as B.
 */
interface KindCase {
  title: string
  dialects: DialectName[]
  a: Partial<Record<DialectName, string[]>> & { all?: string[] }
  b: Partial<Record<DialectName, string[]>> & { all?: string[] }
  rows?: string[]
  renames?: (namespace: string) => Rename[]
  /** Columns whose values must survive: B table, A table, and [B column, A column] pairs. */
  survivors?: Survivor[]
}

const all: DialectName[] = ['sqlite', 'postgres', 'mysql']
const trigger: Record<DialectName, string> = {
  sqlite:
    'CREATE TRIGGER t_touch AFTER INSERT ON t BEGIN UPDATE t SET n = n + 1 WHERE id = NEW.id; END',
  postgres: 'CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch()',
  mysql: 'CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW SET NEW.n = NEW.n + 1',
}
const touch =
  'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.n := NEW.n + 1; RETURN NEW; END $$'

const cases: KindCase[] = [
  {
    title: 'a check replaced by another',
    dialects: all,
    a: {
      all: [
        'CREATE TABLE t (id integer PRIMARY KEY, n integer, CONSTRAINT positive CHECK (n > 0))',
      ],
    },
    b: {
      all: ['CREATE TABLE t (id integer PRIMARY KEY, n integer, CONSTRAINT small CHECK (n < 100))'],
    },
    rows: ['INSERT INTO t VALUES (1, 5)'],
    survivors: [{ table: 't', was: 't', columns: [['n', 'n']] }],
  },
  {
    title: 'a view changed with its table, and one added',
    dialects: all,
    a: {
      all: [
        'CREATE TABLE t (id integer PRIMARY KEY, n integer)',
        'CREATE VIEW v AS SELECT id FROM t',
      ],
    },
    b: {
      all: [
        'CREATE TABLE t (id integer PRIMARY KEY, n integer, m integer)',
        'CREATE VIEW v AS SELECT id, m FROM t',
        'CREATE VIEW w AS SELECT n FROM t',
      ],
    },
    rows: ['INSERT INTO t (id, n) VALUES (1, 5)'],
    survivors: [{ table: 't', was: 't', columns: [['n', 'n']] }],
  },
  {
    title: 'a table dropped from under a view that goes too',
    dialects: all,
    a: {
      all: [
        'CREATE TABLE t (id integer PRIMARY KEY)',
        'CREATE TABLE gone (id integer PRIMARY KEY)',
        'CREATE VIEW v AS SELECT id FROM gone',
      ],
    },
    b: { all: ['CREATE TABLE t (id integer PRIMARY KEY)'] },
  },
  {
    title: 'a trigger added',
    dialects: all,
    a: { all: ['CREATE TABLE t (id integer PRIMARY KEY, n integer)'], postgres: [touch] },
    b: {
      sqlite: ['CREATE TABLE t (id integer PRIMARY KEY, n integer)', trigger.sqlite],
      postgres: [touch, 'CREATE TABLE t (id integer PRIMARY KEY, n integer)', trigger.postgres],
      mysql: ['CREATE TABLE t (id integer PRIMARY KEY, n integer)', trigger.mysql],
    },
  },
  {
    title: 'a generated column added',
    dialects: all,
    a: { all: ['CREATE TABLE t (id integer PRIMARY KEY, n integer)'] },
    b: {
      sqlite: [
        'CREATE TABLE t (id integer PRIMARY KEY, n integer, twice integer GENERATED ALWAYS AS (n * 2) VIRTUAL)',
      ],
      postgres: [
        'CREATE TABLE t (id integer PRIMARY KEY, n integer, twice integer GENERATED ALWAYS AS (n * 2) STORED)',
      ],
      mysql: [
        'CREATE TABLE t (id integer PRIMARY KEY, n integer, twice integer GENERATED ALWAYS AS (n * 2) STORED)',
      ],
    },
    rows: ['INSERT INTO t (id, n) VALUES (1, 5)'],
    survivors: [{ table: 't', was: 't', columns: [['n', 'n']] }],
  },
  {
    title: 'a composite primary key from a single one',
    dialects: all,
    a: {
      all: [
        'CREATE TABLE t (a integer NOT NULL, b integer NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (a))',
      ],
    },
    b: {
      all: [
        'CREATE TABLE t (a integer NOT NULL, b integer NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (a, b))',
      ],
    },
    rows: ['INSERT INTO t VALUES (1, 2)'],
    survivors: [
      {
        table: 't',
        was: 't',
        columns: [
          ['a', 'a'],
          ['b', 'b'],
        ],
      },
    ],
  },
  {
    title: 'a parent table and its key column renamed under a child’s foreign key',
    dialects: all,
    a: {
      all: [
        'CREATE TABLE parent (pid integer PRIMARY KEY)',
        'CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (pid) ON DELETE CASCADE)',
      ],
    },
    b: {
      all: [
        'CREATE TABLE owner (oid integer PRIMARY KEY)',
        'CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES owner (oid) ON DELETE CASCADE)',
      ],
    },
    rows: ['INSERT INTO parent VALUES (1)', 'INSERT INTO child VALUES (1, 1)'],
    renames: (namespace) => [
      { kind: 'table', namespace, from: 'parent', to: 'owner' },
      { kind: 'column', namespace, table: 'parent', from: 'pid', to: 'oid' },
    ],
    survivors: [
      { table: 'owner', was: 'parent', columns: [['oid', 'pid']] },
      { table: 'child', was: 'child', columns: [['parent_id', 'parent_id']] },
    ],
  },
  {
    title: 'an enum value added, an identity added, defaults and comments changed',
    dialects: ['postgres'],
    a: {
      postgres: [
        "CREATE TYPE mood AS ENUM ('sad', 'ok')",
        "CREATE TABLE t (id integer NOT NULL PRIMARY KEY, feeling mood DEFAULT 'ok', note text DEFAULT 'x')",
      ],
    },
    b: {
      postgres: [
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        "CREATE TABLE t (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, feeling mood DEFAULT 'ok', note text DEFAULT 'y')",
        "COMMENT ON TABLE t IS 'moods'",
        "COMMENT ON COLUMN t.note IS 'free text'",
      ],
    },
    rows: ["INSERT INTO t VALUES (1, 'sad', 'kept')"],
    survivors: [
      {
        table: 't',
        was: 't',
        columns: [
          ['feeling', 'feeling'],
          ['note', 'note'],
        ],
      },
    ],
  },
  {
    title: 'comments, an ON UPDATE default and an auto-increment changed',
    dialects: ['mysql'],
    a: { mysql: ['CREATE TABLE t (id int NOT NULL PRIMARY KEY, seen datetime NULL, note text)'] },
    b: {
      mysql: [
        "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, seen datetime NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(), note text COMMENT 'free text') COMMENT='moods'",
      ],
    },
    rows: ["INSERT INTO t VALUES (1, NULL, 'kept')"],
    survivors: [{ table: 't', was: 't', columns: [['note', 'note']] }],
  },
]

describe.each(all)('diff of every object kind on %s', (dialect) => {
  for (const c of cases.filter((x) => x.dialects.includes(dialect))) {
    it(c.title, async () => {
      await checkDiffCase(dialect, (namespace) => ({
        a: c.a[dialect] ?? c.a.all ?? [],
        b: c.b[dialect] ?? c.b.all ?? [],
        rows: c.rows ?? [],
        renames: c.renames?.(namespace) ?? [],
        backfills: [],
        survivors: c.survivors ?? [],
        title: `${c.title} on ${dialect}`,
      }))
    })
  }
})

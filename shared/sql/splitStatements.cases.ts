import type { DialectName } from '../connectionUrl'

export type Case = [DialectName, string, string[]]

const trigger = 'CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END'

/** The splitter's test table: each script and the statements it must split into. */
export const splitCases: Case[] = [
  // Plain terminators and blanks.
  ['sqlite', 'SELECT 1; SELECT 2', ['SELECT 1', 'SELECT 2']],
  ['postgres', 'SELECT 1;SELECT 2;', ['SELECT 1', 'SELECT 2']],
  ['mysql', 'SELECT 1;\n\nSELECT 2;\n', ['SELECT 1', 'SELECT 2']],
  ['sqlite', '  ;;  ', []],
  ['postgres', '', []],
  ['mysql', '\n\t \n', []],
  ['sqlite', 'SELECT 1', ['SELECT 1']],
  ['postgres', ';SELECT 1', ['SELECT 1']],
  // Strings.
  ['sqlite', "SELECT ';'; SELECT 2;", ["SELECT ';'", 'SELECT 2']],
  ['sqlite', "SELECT 'it''s;'; SELECT 2", ["SELECT 'it''s;'", 'SELECT 2']],
  ['postgres', "SELECT 'a;b', 'c'';d'; SELECT 2", ["SELECT 'a;b', 'c'';d'", 'SELECT 2']],
  ['postgres', "SELECT E'it\\'s; here'; SELECT 2", ["SELECT E'it\\'s; here'", 'SELECT 2']],
  ['postgres', "SELECT 'back\\'; SELECT 2", ["SELECT 'back\\'", 'SELECT 2']],
  ['mysql', "SELECT 'it\\'s; fine'; SELECT 2", ["SELECT 'it\\'s; fine'", 'SELECT 2']],
  ['mysql', 'SELECT "dq;\\" still"; SELECT 2', ['SELECT "dq;\\" still"', 'SELECT 2']],
  ['mysql', "SELECT 'a''b;c'; SELECT 2", ["SELECT 'a''b;c'", 'SELECT 2']],
  ['sqlite', "SELECT 'unterminated; SELECT 2", ["SELECT 'unterminated; SELECT 2"]],
  [
    'postgres',
    "SELECT 'multi\nline;\nstring'; SELECT 2",
    ["SELECT 'multi\nline;\nstring'", 'SELECT 2'],
  ],
  // Quoted identifiers.
  ['sqlite', 'SELECT "a;b" FROM t; SELECT 2', ['SELECT "a;b" FROM t', 'SELECT 2']],
  ['sqlite', 'SELECT [a;b] FROM t; SELECT 2', ['SELECT [a;b] FROM t', 'SELECT 2']],
  ['sqlite', 'SELECT `a;b` FROM t; SELECT 2', ['SELECT `a;b` FROM t', 'SELECT 2']],
  ['postgres', 'SELECT "we""ird;" FROM t; SELECT 2', ['SELECT "we""ird;" FROM t', 'SELECT 2']],
  ['mysql', 'SELECT `a;b` FROM t; SELECT 2', ['SELECT `a;b` FROM t', 'SELECT 2']],
  ['mysql', 'SELECT `a``;b` FROM t; SELECT 2', ['SELECT `a``;b` FROM t', 'SELECT 2']],
  ['postgres', 'SELECT "é;ü" FROM "🌍"; SELECT 2', ['SELECT "é;ü" FROM "🌍"', 'SELECT 2']],
  // Comments.
  ['sqlite', 'SELECT 1 -- ; not here\n; SELECT 2', ['SELECT 1 -- ; not here', 'SELECT 2']],
  ['sqlite', 'SELECT /* ; */ 1; SELECT 2', ['SELECT /* ; */ 1', 'SELECT 2']],
  ['sqlite', '-- only a comment\n', []],
  ['postgres', '/* only */ ; -- comments\n', []],
  ['sqlite', 'SELECT 1; -- trailing note', ['SELECT 1']],
  ['postgres', '-- lead\nSELECT 1; /* between */ SELECT 2', ['SELECT 1', 'SELECT 2']],
  [
    'postgres',
    'SELECT /* outer /* inner ; */ still ; */ 1; SELECT 2',
    ['SELECT /* outer /* inner ; */ still ; */ 1', 'SELECT 2'],
  ],
  ['sqlite', 'SELECT /* a /* b */ 1; SELECT 2', ['SELECT /* a /* b */ 1', 'SELECT 2']],
  ['mysql', 'SELECT /* a /* b */ 1; SELECT 2', ['SELECT /* a /* b */ 1', 'SELECT 2']],
  ['mysql', 'SELECT 1 # ; comment\n; SELECT 2', ['SELECT 1 # ; comment', 'SELECT 2']],
  [
    'postgres',
    "SELECT '{}'::jsonb #> '{a}'; SELECT 2",
    ["SELECT '{}'::jsonb #> '{a}'", 'SELECT 2'],
  ],
  ['mysql', 'SELECT 1--1; SELECT 2', ['SELECT 1--1', 'SELECT 2']],
  ['mysql', 'SELECT 1 -- ;x\n; SELECT 2', ['SELECT 1 -- ;x', 'SELECT 2']],
  ['sqlite', 'SELECT 1 /* unterminated ; SELECT 2', ['SELECT 1 /* unterminated ; SELECT 2']],
  [
    'mysql',
    'SELECT 1 /*! STRAIGHT_JOIN ; */; SELECT 2',
    ['SELECT 1 /*! STRAIGHT_JOIN ; */', 'SELECT 2'],
  ],
  // PostgreSQL dollar quotes and SQL-standard bodies.
  [
    'postgres',
    'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2',
    ['CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql', 'SELECT 2'],
  ],
  [
    'postgres',
    'SELECT $tag$ ; $tag$; SELECT a$b FROM t',
    ['SELECT $tag$ ; $tag$', 'SELECT a$b FROM t'],
  ],
  ['postgres', 'SELECT $a$ $$ ; $a$; SELECT 2', ['SELECT $a$ $$ ; $a$', 'SELECT 2']],
  ['postgres', 'SELECT $1; SELECT 2', ['SELECT $1', 'SELECT 2']],
  ['postgres', 'SELECT $$ unterminated ; SELECT 2', ['SELECT $$ unterminated ; SELECT 2']],
  [
    'postgres',
    "DO $body$ BEGIN RAISE NOTICE 'x;'; END $body$; SELECT 2",
    ["DO $body$ BEGIN RAISE NOTICE 'x;'; END $body$", 'SELECT 2'],
  ],
  [
    'postgres',
    'CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT 3',
    [
      'CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END',
      'SELECT 3',
    ],
  ],
  ['postgres', 'BEGIN; SELECT 1; COMMIT;', ['BEGIN', 'SELECT 1', 'COMMIT']],
  ['mysql', 'SELECT $$; SELECT 2', ['SELECT $$', 'SELECT 2']],
  // SQLite triggers.
  ['sqlite', `${trigger}; SELECT 1`, [trigger, 'SELECT 1']],
  [
    'sqlite',
    "CREATE TEMP TRIGGER t2 BEFORE DELETE ON t BEGIN SELECT CASE WHEN 1 THEN RAISE(ABORT, 'no;') END; END; SELECT 2",
    [
      "CREATE TEMP TRIGGER t2 BEFORE DELETE ON t BEGIN SELECT CASE WHEN 1 THEN RAISE(ABORT, 'no;') END; END",
      'SELECT 2',
    ],
  ],
  ['sqlite', 'BEGIN; SELECT 1; END;', ['BEGIN', 'SELECT 1', 'END']],
  ['sqlite', 'CREATE TABLE begin_end (x); SELECT 1', ['CREATE TABLE begin_end (x)', 'SELECT 1']],
  [
    'sqlite',
    'CREATE TRIGGER t3 AFTER UPDATE ON t BEGIN SELECT 1',
    ['CREATE TRIGGER t3 AFTER UPDATE ON t BEGIN SELECT 1'],
  ],
  // MySQL DELIMITER.
  [
    'mysql',
    'DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\nDELIMITER ;\nSELECT 3;',
    ['CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', 'SELECT 3'],
  ],
  [
    'mysql',
    'DELIMITER //\nSELECT 1//\nSELECT 2 //\nDELIMITER ;\nSELECT 3',
    ['SELECT 1', 'SELECT 2', 'SELECT 3'],
  ],
  ['mysql', "DELIMITER $$\nSELECT '$$ in a string'$$\nDELIMITER ;", ["SELECT '$$ in a string'"]],
  ['mysql', 'delimiter ;;\nSELECT 1;;\nSELECT 2;;', ['SELECT 1', 'SELECT 2']],
  ['mysql', 'SELECT delimiter FROM t; SELECT 2', ['SELECT delimiter FROM t', 'SELECT 2']],
  ['postgres', 'DELIMITER //\nSELECT 1;', ['DELIMITER //\nSELECT 1']],
  [
    'mysql',
    '-- setup\nDELIMITER $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END$$',
    ['CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END'],
  ],
  // Odd but valid text.
  ['postgres', 'SELECT 1 AS "select"; SELECT 2', ['SELECT 1 AS "select"', 'SELECT 2']],
  ['sqlite', 'SELECT 1;\r\nSELECT 2;\r\n', ['SELECT 1', 'SELECT 2']],
  ['mysql', 'SELECT 1 ;  \n ; SELECT 2', ['SELECT 1', 'SELECT 2']],
]

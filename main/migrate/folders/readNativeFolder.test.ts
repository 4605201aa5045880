import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SluiceError } from '../../../shared/errors'
import { migrationChecksum } from '../checksum'
import { nativeSections } from './nativeSections'
import { readNativeFolder } from './readNativeFolder'

describe('native migration sections', () => {
  const keysOn = { foreignKeysOff: false, downForeignKeysOff: false }
  const cases: [string, string, ReturnType<typeof nativeSections>][] = [
    [
      'up and down',
      '-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n',
      {
        up: 'CREATE TABLE a (id int);',
        down: 'DROP TABLE a;',
        transaction: true,
        downTransaction: true,
        ...keysOn,
      },
    ],
    [
      'up only',
      '-- migrate:up\nCREATE TABLE a (id int);',
      {
        up: 'CREATE TABLE a (id int);',
        down: null,
        transaction: true,
        downTransaction: true,
        ...keysOn,
      },
    ],
    [
      'transaction:false on both sections',
      '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON a (id);\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY i;',
      {
        up: 'CREATE INDEX CONCURRENTLY i ON a (id);',
        down: 'DROP INDEX CONCURRENTLY i;',
        transaction: false,
        downTransaction: false,
        ...keysOn,
      },
    ],
    [
      'foreign_keys:off beside transaction:false',
      '-- migrate:up foreign_keys:off\nDROP TABLE a;\n-- migrate:down transaction:false foreign_keys:off\nSELECT 1;',
      {
        up: 'DROP TABLE a;',
        down: 'SELECT 1;',
        transaction: true,
        downTransaction: false,
        foreignKeysOff: true,
        downForeignKeysOff: true,
      },
    ],
    [
      'a header comment before up is not run; CRLF line endings',
      '-- written by hand\r\n-- migrate:up\r\nSELECT 1;\r\n-- migrate:down\r\nSELECT 2;\r\n',
      { up: 'SELECT 1;', down: 'SELECT 2;', transaction: true, downTransaction: true, ...keysOn },
    ],
    [
      'a marker inside a line is text, not a marker',
      "-- migrate:up\nSELECT '-- migrate:down';\n",
      {
        up: "SELECT '-- migrate:down';",
        down: null,
        transaction: true,
        downTransaction: true,
        ...keysOn,
      },
    ],
  ]
  it.each(cases)('%s', (_title, text, expected) => {
    expect(nativeSections(text, 'x.sql')).toEqual(expected)
  })

  const refusals: [string, string, RegExp][] = [
    ['no up section', 'CREATE TABLE a (id int);', /1_a\.sql has no "-- migrate:up"/],
    ['two up sections', '-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;', /2 "-- migrate:up"/],
    ['down before up', '-- migrate:down\nSELECT 1;\n-- migrate:up\nSELECT 2;', /before/],
    ['an unknown option', '-- migrate:up transactions:off\nSELECT 1;', /unknown migration option/],
  ]
  it.each(refusals)('refuses %s, naming the file', (_title, text, message) => {
    expect(() => nativeSections(text, '1_a.sql')).toThrow(SluiceError)
    expect(() => nativeSections(text, '1_a.sql')).toThrow(message)
  })
})

describe('native migration folder', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  const folder = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-migrations-'))
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    return dir
  }

  it('reads migrations in numeric version order, ignoring other files', () => {
    const read = readNativeFolder(
      folder({
        '10_third.sql': '-- migrate:up\nSELECT 10;',
        '9_second.sql': '-- migrate:up\nSELECT 9;',
        '20240101120000_first_timestamped.sql': '-- migrate:up\nSELECT 3;',
        '1_first.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT -1;',
        'README.md': 'not a migration',
        'schema.sql': 'not a migration either',
      }),
    )
    expect(read.map((m) => [m.version, m.name])).toEqual([
      ['1', 'first'],
      ['9', 'second'],
      ['10', 'third'],
      ['20240101120000', 'first_timestamped'],
    ])
    expect(read[0]).toMatchObject({ path: '1_first.sql', up: 'SELECT 1;', down: 'SELECT -1;' })
  })

  it('gives the same checksum whatever the line endings, and another for any other change', () => {
    const lf = '-- migrate:up\nSELECT 1;\n'
    expect(migrationChecksum(lf.replace(/\n/g, '\r\n'))).toBe(migrationChecksum(lf))
    expect(migrationChecksum('\uFEFF' + lf)).toBe(migrationChecksum(lf))
    expect(migrationChecksum(lf.replace('1', '2'))).not.toBe(migrationChecksum(lf))
    expect(migrationChecksum(lf)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses two files with the same version, naming both', () => {
    const path = folder({
      '001_a.sql': '-- migrate:up\nSELECT 1;',
      '1_b.sql': '-- migrate:up\nSELECT 2;',
    })
    expect(() => readNativeFolder(path)).toThrow(/001_a\.sql and 1_b\.sql have the same version/)
  })

  it('says which folder it cannot read', () => {
    expect(() => readNativeFolder('/no/such/migrations')).toThrow(
      /Cannot read the migrations folder \/no\/such\/migrations/,
    )
  })
})

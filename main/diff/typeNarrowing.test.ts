import { describe, expect, it } from 'vitest'
import { typeNarrowing } from './typeNarrowing'

describe('type narrowing', () => {
  const widening: [string, string][] = [
    ['varchar(20)', 'varchar(40)'],
    ['character varying(20)', 'text'],
    ['char(2)', 'varchar(10)'],
    ['integer', 'bigint'],
    ['int(11)', 'bigint(20)'],
    ['int(11)', 'int(10)'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['real', 'double precision'],
    ['text', 'longtext'],
    ['VARCHAR(20)', 'varchar(20)'],
  ]
  it.each(widening)('%s → %s keeps every value', (from, to) => {
    expect(typeNarrowing(from, to)).toBeNull()
  })

  const narrowing: [string, string][] = [
    ['varchar(120)', 'varchar(80)'],
    ['character varying(120)', 'character varying(80)'],
    ['text', 'varchar(200)'],
    ['character varying', 'character varying(10)'],
    ['bigint', 'integer'],
    ['numeric(10,2)', 'numeric(10,3)'],
    ['numeric(10,2)', 'numeric(8,2)'],
    ['double', 'float'],
    ['text', 'integer'],
    ['jsonb', 'text'],
  ]
  it.each(narrowing)('%s → %s may lose or reject values', (from, to) => {
    expect(typeNarrowing(from, to)).toMatch(new RegExp(to.replace(/[()]/g, '\\$&')))
  })
})

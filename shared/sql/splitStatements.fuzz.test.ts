import { describe, expect, it } from 'vitest'
import type { DialectName } from '../connectionUrl'
import { fuzzSplitter } from './splitFuzz'

const inputs = 100_000

describe('splitter fuzz', () => {
  it.each<DialectName>(['sqlite', 'postgres', 'mysql'])(
    `%s: ${inputs.toLocaleString('en-US')} random and mutated inputs never throw and always join back`,
    (dialect) => {
      expect(fuzzSplitter(dialect, inputs, dialect.length * 7919)).toBeNull()
    },
  )
})

import { describe, expect, it } from 'vitest'
import type { DialectName } from '../connectionUrl'
import { fuzzSplitter } from './splitFuzz'

const inputs = 1_000_000

describe('splitter soak', () => {
  it.each<DialectName>(['sqlite', 'postgres', 'mysql'])(
    `%s: ${inputs.toLocaleString('en-US')} random and mutated inputs never throw and always join back`,
    (dialect) => {
      // Another seed than the CI fuzz, so the soak explores new inputs.
      expect(fuzzSplitter(dialect, inputs, dialect.length * 104_729 + 17)).toBeNull()
    },
  )
}, 600_000)

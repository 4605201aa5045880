import { describe, it } from 'vitest'
import { checkDiffProperty } from '../testing/diffProperty'
import { allDialects } from '../testing/testDatabases'

/** The diff's property at length: 300 random pairs per dialect, on seeds `npm test` does not use. */
const pairs = 300
const firstSeed = 1001

describe.each(allDialects)('diff(A→B) applied to A with rows gives B, on %s', (dialect) => {
  it(`holds for ${pairs} random schema pairs (seeds ${firstSeed}–${firstSeed + pairs - 1})`, async () => {
    for (let seed = firstSeed; seed < firstSeed + pairs; seed++)
      await checkDiffProperty(dialect, seed)
  })
})

import { describe, it } from 'vitest'
import { checkDiffProperty } from '../testing/diffProperty'
import { allDialects } from '../testing/testDatabases'

/** 30 random pairs per dialect here; `npm run test:soak` runs 300 (diffSchemas.soak.ts). */
const pairs = 30

describe.each(allDialects)('diff(A→B) applied to A with rows gives B, on %s', (dialect) => {
  it(
    `holds for ${pairs} random schema pairs (seeds 1–${pairs}; a failure names its seed and edits)`,
    { timeout: 240_000 },
    async () => {
      for (let seed = 1; seed <= pairs; seed++) await checkDiffProperty(dialect, seed)
    },
  )
})

import { describe, expect, it } from 'vitest'
import { previewLeavesNoTrace } from '../testing/previewLeavesNoTrace'
import { allDialects } from '../testing/testDatabases'

/** The preview's promise at length: 100 random migrations per dialect, on seeds `npm test` does not use. */
const previews = 100
const firstSeed = 1001

describe.each(allDialects)('previews leave %s untouched', (dialect) => {
  it(`after ${previews} previews of random migrations (seeds ${firstSeed}–${firstSeed + previews - 1})`, async () => {
    const verdicts = await previewLeavesNoTrace(dialect, previews, firstSeed)
    console.log(`preview soak on ${dialect}: ${previews} run, verdicts ${JSON.stringify(verdicts)}`)
    expect(Object.values(verdicts).reduce((a, b) => a + b, 0)).toBe(previews)
  })
})

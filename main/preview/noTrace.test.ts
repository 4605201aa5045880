import { describe, expect, it } from 'vitest'
import { previewLeavesNoTrace } from '../testing/previewLeavesNoTrace'
import { allDialects } from '../testing/testDatabases'

/** A preview never changes the real database: 10 random migrations here, 100 in `npm run test:soak`. */
describe.each(allDialects)('previews leave %s untouched', (dialect) => {
  it('schema and data checksums are identical after 10 previews of random migrations', async () => {
    const verdicts = await previewLeavesNoTrace(dialect, 10, 1)
    console.log(`preview trials on ${dialect}: 10 run, verdicts ${JSON.stringify(verdicts)}`)
    expect(Object.values(verdicts).reduce((a, b) => a + b, 0)).toBe(10)
    // The SQLite demo holds 50,000 articles: each preview copies and rebuilds them.
  }, 180_000)
})

import { defineConfig } from 'vitest/config'

/** Long property, fault and soak runs with large counts: `npm run test:soak`, not part of CI. */
export default defineConfig({
  test: {
    include: ['main/**/*.soak.ts', 'shared/**/*.soak.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
  },
})

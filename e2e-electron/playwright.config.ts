import { defineConfig } from '@playwright/test'

/**
 * The desktop app itself, through Playwright's Electron support. It needs
 * Electron's binary, which cannot be downloaded everywhere, so it is kept out
 * of `npm test`: run `npm run build && npm run test:electron` where it exists.
 */
export default defineConfig({
  testDir: '.',
  timeout: 90_000,
  workers: 1,
  reporter: [['list']],
})

import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron entry, the CLI (plain Node) and the SQLite child process, which must be its own file.
          index: resolve(root, 'main/electron/main.ts'),
          cli: resolve(root, 'main/cli/sluice.ts'),
          sqliteProcess: resolve(root, 'main/dialects/sqlite/sqliteProcess.ts'),
        },
        output: {
          // Shared chunks sit beside the entries so `new URL('./sqliteProcess.js', import.meta.url)` resolves from any of them.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(root, 'main/preload/preload.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})

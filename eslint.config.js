// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const drivers = ['better-sqlite3', 'pg', 'pg-cursor', 'mysql2', 'mysql2/*', 'ws']
const nodeModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'net',
  'crypto',
  'url',
  'util',
]
const ui = ['react', 'react-dom', 'react-dom/*', 'monaco-editor', 'monaco-editor/*', '@tanstack/*']

/**
 * The layering line (docs/style.md): shared/ runs anywhere, so it imports no
 * Node, Electron, DOM or driver; the renderer imports no driver or Node; main
 * imports no React.
 */
const layers = [
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: {
      globals: {
        ...globals.es2021,
        atob: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      'no-undef': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeModules, ...drivers, 'electron', ...ui],
              message: 'shared/ runs in every process: no Node, Electron, driver or UI imports.',
            },
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'shared/ may not import from main/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // A renderer module's test may drive it against the real engine in-process (main/testing/engineClient.ts).
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeModules, ...drivers, 'electron'],
              message: 'The renderer is sandboxed: reach the engine through the contract client.',
            },
            { group: ['**/main/**'], message: 'The renderer may not import from main/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ui, message: 'main/ runs no UI: no React or editor imports.' },
            { group: ['**/renderer/**'], message: 'main/ may not import from renderer/.' },
          ],
        },
      ],
    },
  },
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.{js,mjs}', 'bench/**', 'e2e/**', 'e2e-electron/**', 'scripts/**', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-undef': 'off',
    },
  },
  ...layers,
)

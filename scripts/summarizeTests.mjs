// Adds up the pass/fail counts vitest and Playwright printed into one "N passed, N failed" line.
import { readFileSync } from 'node:fs'

// Strip ANSI colour codes (ESC [ … m) before reading the counts.
const log = readFileSync(process.argv[2], 'utf8').replace(
  new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'),
  '',
)
let passed = 0
let failed = 0
for (const match of log.matchAll(/^\s*Tests\s+(?:(\d+) failed \| )?(\d+) passed/gm)) {
  failed += Number(match[1] ?? 0)
  passed += Number(match[2])
}
for (const match of log.matchAll(/^\s*(\d+) (passed|failed)( \(|$)/gm)) {
  if (match[2] === 'passed') passed += Number(match[1])
  else failed += Number(match[1])
}
console.log(`${passed} passed, ${failed} failed`)

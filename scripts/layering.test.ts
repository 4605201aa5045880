import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message)
}

describe('layering check', () => {
  it.each([
    [
      'shared/x.ts',
      "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n",
      /shared\/ runs in every process/,
    ],
    [
      'shared/x.ts',
      "import { app } from 'electron'\nexport const a = app\n",
      /shared\/ runs in every process/,
    ],
    ['shared/x.ts', "import pg from 'pg'\nexport const p = pg\n", /shared\/ runs in every process/],
    ['shared/x.ts', 'export const w = window.location\n', /'window' is not defined/],
    [
      'renderer/src/x.ts',
      "import mysql from 'mysql2'\nexport const m = mysql\n",
      /renderer is sandboxed/,
    ],
    [
      'renderer/src/x.ts',
      "import { join } from 'node:path'\nexport const j = join\n",
      /renderer is sandboxed/,
    ],
    [
      'main/x.ts',
      "import { useState } from 'react'\nexport const u = useState\n",
      /main\/ runs no UI/,
    ],
  ])('refuses %s importing across the line', async (file, code, message) => {
    expect((await problems(file, code)).join('\n')).toMatch(message)
  })

  it('accepts what each layer may import', async () => {
    expect(
      await problems('shared/x.ts', "import { z } from 'zod'\nexport const s = z.string()\n"),
    ).toEqual([])
    expect(await problems('main/x.ts', "import pg from 'pg'\nexport const p = pg\n")).toEqual([])
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDataDir } from '../testing/testDataDir'
import { SavedQueries } from './savedQueries'

describe('saved queries', () => {
  it('are .sql files that can be listed, read back and overwritten', async () => {
    const dir = testDataDir()
    const saved = new SavedQueries(join(dir, 'queries'))
    expect(await saved.list()).toEqual([])
    await saved.write('Monthly report', 'SELECT 1;\n')
    await saved.write('ünïcode näme', 'SELECT 2;\n')
    await saved.write('Monthly report', 'SELECT 3;\n')
    expect((await saved.list()).map((q) => q.name)).toEqual(['Monthly report', 'ünïcode näme'])
    expect(await saved.read('Monthly report')).toBe('SELECT 3;\n')
    expect(readFileSync(join(dir, 'queries', 'Monthly report.sql'), 'utf8')).toBe('SELECT 3;\n')
  })

  it.each(['../escape', 'a/b', 'c:\\d', '.hidden', ' padded ', 'x'.repeat(101)])(
    'refuses %j as a name, so nothing is written outside the folder',
    async (name) => {
      const saved = new SavedQueries(join(testDataDir(), 'queries'))
      await expect(saved.write(name, 'SELECT 1')).rejects.toMatchObject({
        data: { code: 'BAD_REQUEST' },
      })
    },
  )

  it('names a missing query', async () => {
    const saved = new SavedQueries(join(testDataDir(), 'queries'))
    await expect(saved.read('never saved')).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', message: 'No saved query named "never saved"' },
    })
  })
})

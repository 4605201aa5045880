import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatter } from '../../shared/export/formats'
import { writeExport, type ExportSource } from './writeExport'

async function* twoRows(): ExportSource {
  yield {
    columns: [
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'text' },
    ],
  }
  yield {
    rows: [
      [1, 'one'],
      [2, 'two'],
    ],
  }
}

const write = (path: string, overwrite: boolean) =>
  writeExport({
    source: twoRows(),
    formatter: formatter('csv'),
    path,
    overwrite,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  })

describe('writing an export', () => {
  const root = mkdtempSync(join(tmpdir(), 'sluice-write-export-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('creates the folders on the way, as the default export folder may not exist yet', async () => {
    const path = join(root, 'data', 'exports', 'people.csv')
    expect(await write(path, false)).toMatchObject({ rows: 2 })
    expect(readFileSync(path, 'utf8')).toBe('id,name\n1,one\n2,two\n')
  })

  it('still refuses to replace an existing file unless told to', async () => {
    const path = join(root, 'kept', 'kept.csv')
    await write(path, false)
    writeFileSync(path, 'mine')
    await expect(write(path, false)).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', message: expect.stringContaining('already exists') },
    })
    expect(readFileSync(path, 'utf8')).toBe('mine')
    await write(path, true)
    expect(readFileSync(path, 'utf8')).toBe('id,name\n1,one\n2,two\n')
  })

  it('says which folder it cannot create when a file stands in the way', async () => {
    const blocker = join(root, 'blocker')
    writeFileSync(blocker, 'a file, not a folder')
    await expect(write(join(blocker, 'out.csv'), false)).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', message: expect.stringContaining(blocker) },
    })
  })
})

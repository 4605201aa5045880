import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resourcesDir } from '../appPaths'
import { connectUrl } from '../dialects/registry'
import { ensureDemoDatabase } from './demoDatabase'

describe('demo database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-demo-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is built from the bundled script with the story tables and 50,000 articles', async () => {
    const url = await ensureDemoDatabase(dir, resourcesDir())
    expect(readdirSync(dir)).toEqual(['demo.sqlite'])
    const connection = await connectUrl(url)
    try {
      const rows: unknown[][] = []
      const sql = `SELECT (SELECT count(*) FROM blog_article), (SELECT count(*) FROM auth_user),
        (SELECT group_concat(name) FROM pets), (SELECT json_extract(data, '$.favorite_food[0].brand') FROM pets WHERE name = 'Tom'),
        (SELECT count(*) FROM pragma_foreign_key_list('blog_article') WHERE "table" = 'auth_user' AND on_delete = 'SET DEFAULT')`
      for await (const event of connection.stream(sql, { batchSize: 10 }))
        if (event.kind === 'rows') rows.push(...event.rows)
      expect(rows).toEqual([[50_000, 200, 'Bruno,Tom,Stewey', 'Acme', 1]])
    } finally {
      await connection.close()
    }
  })

  it('is reused, not rebuilt, on the next start', async () => {
    const first = await ensureDemoDatabase(dir, resourcesDir())
    expect(await ensureDemoDatabase(dir, resourcesDir())).toBe(first)
    expect(readdirSync(dir)).toEqual(['demo.sqlite'])
  })
})

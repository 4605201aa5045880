import type { DialectName } from '../../shared/connectionUrl'
import { run } from './storyDatabase'

/** Rows in the `items` table the table-data journeys browse: three pages of 1,000 and a half. */
export const itemCount = 2500

/** One row of `items` as the journeys reason about it: computed here, never read back to be believed. */
export interface Item {
  id: number
  name: string
  /** NULL on every tenth row. */
  score: number | null
}

export function items(): Item[] {
  return Array.from({ length: itemCount }, (_, i) => {
    const id = i + 1
    return { id, name: `item ${String(id).padStart(4, '0')}`, score: id % 10 === 0 ? null : id % 7 }
  })
}

/**
 * `items (id, name, score, data JSON, blob binary)` on each dialect, filled by
 * the server itself: a JSON object per row and four bytes of its id.
 */
export async function createItems(dialect: DialectName, url: string): Promise<void> {
  const statements: Record<DialectName, string[]> = {
    sqlite: [
      'CREATE TABLE items (id INTEGER PRIMARY KEY, name varchar(40) NOT NULL, score INTEGER, data JSON, blob BLOB)',
      `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${itemCount})
       INSERT INTO items SELECT g, 'item ' || substr('0000' || g, -4),
         CASE WHEN g % 10 = 0 THEN NULL ELSE g % 7 END,
         json_object('n', g, 'tag', 't' || (g % 3)), unhex(printf('%08x', g)) FROM s`,
      'ANALYZE',
    ],
    postgres: [
      'CREATE TABLE items (id integer PRIMARY KEY, name varchar(40) NOT NULL, score integer, data jsonb, blob bytea)',
      `INSERT INTO items SELECT g, 'item ' || lpad(g::text, 4, '0'),
         CASE WHEN g % 10 = 0 THEN NULL ELSE g % 7 END,
         jsonb_build_object('n', g, 'tag', 't' || (g % 3)), decode(lpad(to_hex(g), 8, '0'), 'hex')
       FROM generate_series(1, ${itemCount}) g`,
      'ANALYZE items',
    ],
    mysql: [
      'CREATE TABLE items (id int PRIMARY KEY, name varchar(40) NOT NULL, score int NULL, data json, `blob` varbinary(8))',
      `INSERT INTO items SELECT seq, CONCAT('item ', LPAD(seq, 4, '0')),
         IF(seq % 10 = 0, NULL, seq % 7),
         JSON_OBJECT('n', seq, 'tag', CONCAT('t', seq % 3)), UNHEX(LPAD(HEX(seq), 8, '0'))
       FROM seq_1_to_${itemCount}`,
      'ANALYZE TABLE items',
    ],
  }
  await run(url, statements[dialect])
}

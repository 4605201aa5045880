import type { DialectName } from '../../shared/connectionUrl'
import { quoteLiteral } from '../../shared/sql/quote'

/** One seeded post; the test's own reference predicates read these. */
export interface SeedPost {
  id: number
  authorId: number
  title: string
  code: string
  score: number
  rating: string
  extra: string | null
  note: string | null
  mood: string
}

export const seedAuthors = [1, 2, 3, 4, 5]
export const seedTagCount = 13

/** Sixty posts with known offenders for every finding kind, each pattern on its own stride. */
export const seedPosts: SeedPost[] = Array.from({ length: 60 }, (_, k) => {
  const i = k + 1
  return {
    id: i,
    authorId: i % 7 === 0 ? 100 + i : (i % 5) + 1,
    title: i % 9 === 0 ? 'T'.repeat(85 + (i % 10)) : `title ${i}`,
    code: i % 6 === 0 ? `dup${i % 12}` : `c${i}`,
    score: i % 8 === 0 ? -i : i,
    rating: i % 4 === 0 ? `n/a ${i}` : String(i),
    extra: i % 3 === 0 ? null : `x${i}`,
    note: i % 10 === 0 ? null : 'n',
    mood: ['happy', 'ok', 'sad'][i % 3]!,
  }
})

/** The seed as statements in `dialect`'s own spelling (an enum type or column where it has one). */
export function seedStatements(dialect: DialectName): string[] {
  const mood =
    dialect === 'postgres'
      ? 'mood'
      : dialect === 'mysql'
        ? "enum('happy','ok','sad')"
        : 'varchar(10)'
  const literal = (v: string | number | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : quoteLiteral(dialect, v)
  const rows = seedPosts.map(
    (p) =>
      `(${[p.id, p.authorId, p.title, p.code, p.score, p.rating, p.extra, p.note, p.mood].map(literal).join(', ')})`,
  )
  return [
    ...(dialect === 'postgres' ? ["CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad')"] : []),
    'CREATE TABLE authors (id integer PRIMARY KEY, name varchar(50) NOT NULL)',
    'CREATE TABLE posts (id integer PRIMARY KEY, author_id integer, title varchar(120) NOT NULL, ' +
      `code varchar(20), score integer, rating varchar(20), extra varchar(20), note varchar(50), mood ${mood})`,
    'CREATE TABLE tags (id integer PRIMARY KEY, label varchar(20))',
    `INSERT INTO authors (id, name) VALUES ${seedAuthors.map((a) => `(${a}, 'author ${a}')`).join(', ')}`,
    `INSERT INTO posts (id, author_id, title, code, score, rating, extra, note, mood) VALUES ${rows.join(', ')}`,
    `INSERT INTO tags (id, label) VALUES ${Array.from({ length: seedTagCount }, (_, i) => `(${i + 1}, 'tag ${i + 1}')`).join(', ')}`,
  ]
}

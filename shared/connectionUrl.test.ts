import { describe, expect, it } from 'vitest'
import {
  formatConnectionUrl,
  parseConnectionUrl,
  redactUrl,
  withoutPassword,
} from './connectionUrl'
import { SluiceError } from './errors'

describe('connection URLs', () => {
  it.each([
    ['sqlite:relative/dir/app.db', { dialect: 'sqlite', file: 'relative/dir/app.db' }],
    ['sqlite:///abs/path.db', { dialect: 'sqlite', file: '/abs/path.db' }],
    ['sqlite::memory:', { dialect: 'sqlite', file: ':memory:' }],
    [
      'postgresql://me:p%40ss@db.local:6543/app?sslmode=require',
      {
        dialect: 'postgres',
        host: 'db.local',
        port: 6543,
        user: 'me',
        password: 'p@ss',
        database: 'app',
        sslMode: 'require',
      },
    ],
    [
      'postgres://127.0.0.1/x',
      {
        dialect: 'postgres',
        host: '127.0.0.1',
        port: 5432,
        user: 'postgres',
        password: '',
        database: 'x',
        sslMode: 'prefer',
      },
    ],
    [
      'mariadb://root@[::1]/shop',
      {
        dialect: 'mysql',
        host: '::1',
        port: 3306,
        user: 'root',
        password: '',
        database: 'shop',
        sslMode: 'prefer',
      },
    ],
    [
      'mysql://u:pw@h:3307/d',
      {
        dialect: 'mysql',
        host: 'h',
        port: 3307,
        user: 'u',
        password: 'pw',
        database: 'd',
        sslMode: 'prefer',
      },
    ],
  ])('parses %s', (url, target) => {
    expect(parseConnectionUrl(url)).toEqual(target)
  })

  it.each([
    'oracle://x',
    'sqlite:',
    'sqlite://relative.db',
    'postgres://h/db?sslmode=maybe',
    'postgres://',
  ])('refuses %s with BAD_URL', (url) => {
    expect(() => parseConnectionUrl(url)).toThrow(SluiceError)
    try {
      parseConnectionUrl(url)
    } catch (error) {
      expect((error as SluiceError).code).toBe('BAD_URL')
    }
  })

  it('formats what it parses', () => {
    for (const url of [
      'sqlite:rel.db',
      'sqlite:///abs.db',
      'sqlite::memory:',
      'postgres://me:s%20cret@h:5432/db?sslmode=require',
      'mysql://root@h:3306/d',
    ]) {
      expect(formatConnectionUrl(parseConnectionUrl(url))).toBe(url)
    }
  })

  it('never shows a password in a redacted URL', () => {
    expect(redactUrl('postgres://me:secret@h/db')).toBe('postgres://me:***@h/db')
    expect(redactUrl('mysql://root@h/db')).toBe('mysql://root@h/db')
  })
  it('leaves the password out of a URL a session keeps, and nothing else', () => {
    expect(withoutPassword('postgres://me:s%40cret@h:5432/db?sslmode=require')).toBe(
      'postgres://me@h:5432/db?sslmode=require',
    )
    const kept = parseConnectionUrl(withoutPassword('mysql://root:pw@h:3307/d'))
    expect(kept).toMatchObject({ user: 'root', password: '', host: 'h', port: 3307, database: 'd' })
    expect(withoutPassword('sqlite:///tmp/a:b@c.db')).toBe('sqlite:///tmp/a:b@c.db')
  })

  it('finds the whole password when it holds a raw @, as the parser does', () => {
    const url = 'mysql://u:p@ss@127.0.0.1:3306/d'
    expect(parseConnectionUrl(url)).toMatchObject({
      user: 'u',
      password: 'p@ss',
      host: '127.0.0.1',
    })
    expect(withoutPassword(url)).toBe('mysql://u@127.0.0.1:3306/d')
    expect(redactUrl(url)).toBe('mysql://u:***@127.0.0.1:3306/d')
    expect(parseConnectionUrl(withoutPassword(url))).toMatchObject({ user: 'u', password: '' })
    expect(redactUrl('postgres://me@h/db?x=a@b')).toBe('postgres://me@h/db?x=a@b')
  })
})

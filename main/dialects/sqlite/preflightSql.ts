import type { PreflightSql } from '../types'

/** SQLite has no REGEXP by default, so number shapes are tested with GLOB. */
export const preflightSql: PreflightSql = {
  charLength: (e) => `length(${e})`,
  notInteger: (e) => `(ltrim(trim(${e}), '+-') = '' OR ltrim(trim(${e}), '+-') GLOB '*[^0-9]*')`,
  notNumber: (e) =>
    `(trim(${e}) = '' OR trim(${e}) GLOB '*[^0-9.eE+-]*' OR NOT trim(${e}) GLOB '*[0-9]*')`,
  notDate: (e) => `date(${e}) IS NULL`,
  notTimestamp: (e) => `datetime(${e}) IS NULL`,
  notJson: (e) => `NOT json_valid(${e})`,
  bytesLiteral: (base64) => `X'${Buffer.from(base64, 'base64').toString('hex')}'`,
  keyChecks: { off: [], on: [] },
  statementTimeout: () => [],
  enforcesTypes: false,
}

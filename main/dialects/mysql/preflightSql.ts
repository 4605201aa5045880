import type { PreflightSql } from '../types'

export const preflightSql: PreflightSql = {
  charLength: (e) => `CHAR_LENGTH(${e})`,
  notInteger: (e) => `NOT (${e} REGEXP '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$')`,
  notNumber: (e) =>
    `NOT (${e} REGEXP '^[[:space:]]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[[:space:]]*$')`,
  notDate: (e) => `STR_TO_DATE(${e}, '%Y-%m-%d') IS NULL`,
  notTimestamp: (e) => `STR_TO_DATE(${e}, '%Y-%m-%d %H:%i:%s') IS NULL`,
  notJson: (e) => `NOT JSON_VALID(${e})`,
  bytesLiteral: (base64) => `FROM_BASE64('${base64}')`,
  keyChecks: {
    off: ['SET SESSION foreign_key_checks = 0'],
    on: ['SET SESSION foreign_key_checks = 1'],
  },
  statementTimeout: (ms) => [`SET SESSION max_statement_time = ${ms / 1000}`],
  sqlModeQuery: 'SELECT @@SESSION.sql_mode',
  enforcesTypes: true,
}

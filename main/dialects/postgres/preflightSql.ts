import { quoteLiteral } from '../../../shared/sql/quote'
import type { PreflightSql } from '../types'

/**
 * PostgreSQL 15 has no `pg_input_is_valid`, so a value's conversion is tried
 * in a function in `pg_temp`. It exists only inside the shadow's transaction,
 * which is always rolled back.
 */
const tryCast = `CREATE FUNCTION pg_temp.sluice_cast_fails(value text, type text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT %L::%s', value, type);
  RETURN false;
EXCEPTION WHEN others THEN
  RETURN true;
END
$$`

export const preflightSql: PreflightSql = {
  charLength: (e) => `char_length(${e})`,
  notInteger: (e) => `${e}::text !~ '^\\s*[+-]?\\d+\\s*$'`,
  notNumber: (e) => `${e}::text !~ '^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$'`,
  notDate: (e) => `pg_temp.sluice_cast_fails(${e}::text, 'date')`,
  notTimestamp: (e) => `pg_temp.sluice_cast_fails(${e}::text, 'timestamp')`,
  notJson: (e) => `pg_temp.sluice_cast_fails(${e}::text, 'jsonb')`,
  tryCast: {
    setup: [tryCast],
    fails: (e, type) => `pg_temp.sluice_cast_fails(${e}::text, ${quoteLiteral('postgres', type)})`,
  },
  bytesLiteral: (base64) => `decode('${base64}', 'base64')`,
  keyChecks: {
    off: ['SET session_replication_role = replica'],
    on: ['SET session_replication_role = DEFAULT'],
  },
  statementTimeout: (ms) => [`SET statement_timeout = ${Math.round(ms)}`],
  enforcesTypes: true,
}

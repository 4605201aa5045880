/**
 * The batched pg_catalog queries behind PostgreSQL introspection: one per kind
 * of object, for the whole database, never one per table. information_schema
 * is avoided: its constraint views take about a minute on 2,000 tables.
 */
export const userNamespace = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`

/**
 * Narrows a query on relations to one table or view for the lazy browser:
 * `$1` is bound to its schema and `$2` to its name.
 */
export const oneRelation = ` AND n.nspname = $1 AND c.relname = $2`
export const notFromExtension = (oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = ${oid} AND x.deptype = 'e')`

export const namespacesSql = `
SELECT n.nspname AS name FROM pg_namespace n WHERE ${userNamespace} ORDER BY 1`

export const relationsSql = (scope = '') => `
SELECT c.oid::int8 AS oid, n.nspname AS ns, c.relname AS name, c.relkind AS kind,
       (SELECT ds.description FROM pg_description ds WHERE ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0) AS comment,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS definition
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND ${userNamespace} AND ${notFromExtension('c.oid')}${scope}`

export const columnsSql = (scope = '') => `
SELECT a.attrelid::int8 AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       t.typname, t.typtype, t.typcategory, a.attnotnull AS not_null,
       pg_get_expr(d.adbin, d.adrelid, true) AS default_expr, a.attidentity AS identity, a.attgenerated AS generated,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       ds.description AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
-- A join, not col_description(): the function's per-row lookup doubles the query's time.
LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND ${userNamespace}${scope}
ORDER BY a.attrelid, a.attnum`

const attributeNames = (rel: string, keys: string) =>
  `ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num ORDER BY k.ord)`

export const constraintsSql = (scope = '') => `
SELECT con.conrelid::int8 AS rel, con.conname AS name, con.contype AS type,
       ${attributeNames('con.conrelid', 'con.conkey')} AS columns,
       fn.nspname AS ref_ns, fc.relname AS ref_table,
       ${attributeNames('con.confrelid', 'con.confkey')} AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update,
       con.condeferrable AS deferrable, con.condeferred AS deferred,
       CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END AS definition
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c') AND ${userNamespace}${scope}`

// One pass over each index's keys; only expression parts need pg_get_indexdef, which is slow per call.
export const indexesSql = (scope = '') => `
SELECT i.indrelid::int8 AS rel, ic.relname AS name, i.indisunique AS is_unique, am.amname AS method,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate, k.*
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
  SELECT array_agg(CASE WHEN i.indkey[k - 1] <> 0 THEN quote_ident(a.attname) ELSE pg_get_indexdef(i.indexrelid, k, true) END ORDER BY k) AS parts,
         array_agg(i.indkey[k - 1] <> 0 ORDER BY k) AS is_column,
         array_agg((i.indoption[k - 1] & 1) = 1 ORDER BY k) AS descending,
         array_agg(CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END ORDER BY k) AS opclasses
  FROM generate_series(1, i.indnkeyatts) k
  JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1]
  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
) k
WHERE ${userNamespace}${scope}
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))`

export const triggersSql = (scope = '') => `
SELECT t.tgrelid::int8 AS rel, t.tgname AS name, pg_get_triggerdef(t.oid, true) AS definition
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND ${userNamespace}${scope}
ORDER BY t.tgname`

/** Every sequence with its settings and the column that owns it, but an identity column's own (it goes with its column). */
export const sequencesSql = `
SELECT n.nspname AS ns, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
       s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
       s.seqcycle AS cycle,
       (SELECT tc.relname || '.' || a.attname FROM pg_depend d
          JOIN pg_class tc ON tc.oid = d.refobjid
          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a') AS "ownedBy"
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${userNamespace}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')`

export const enumsSql = `
SELECT n.nspname AS ns, t.typname AS name,
       ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${userNamespace} AND ${notFromExtension('t.oid')}`

export const routinesSql = `
SELECT n.nspname AS ns, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS signature,
       pg_get_functiondef(p.oid) AS definition
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND ${userNamespace} AND ${notFromExtension('p.oid')}`

export const objectsSql = `
SELECT n.nspname AS schema, c.relname AS name,
       CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END AS kind,
       CASE WHEN c.relkind <> 'v' AND c.reltuples >= 0 THEN c.reltuples::float8 END AS "rowEstimate"
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND ${userNamespace}
ORDER BY 1, 2`

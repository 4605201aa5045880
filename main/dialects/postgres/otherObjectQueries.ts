import {
  notFromExtension,
  sequencesSql as catalogSequencesSql,
  userNamespace,
} from './catalogQueries'

/**
 * The pg_catalog queries behind the schema tree's other objects, one per kind
 * for the whole database. With `only`, `$1` is bound to the object's schema
 * and `$2` to its name. Objects an extension or another object created for
 * itself (a range type's constructors, a serial column's identity sequence)
 * are left out: dropping them alone fails.
 */
const scope = (only: boolean, name: string) => (only ? ` AND n.nspname = $1 AND ${name} = $2` : '')

/** The introspector's sequences, those an extension made left out. */
export const sequencesSql = (only: boolean) => `${catalogSequencesSql}
  AND ${notFromExtension('c.oid')}${scope(only, 'c.relname')}
ORDER BY 1, 2`

/**
 * Enums, composite types made by CREATE TYPE (not a table's row type) and
 * range types; a range's multirange is its own type but made with it.
 */
export const typesSql = (only: boolean) => `
SELECT n.nspname AS ns, t.typname AS name, t.typtype AS typtype,
       CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END AS values,
       CASE WHEN t.typtype = 'c' THEN (
         SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                           'collation', CASE WHEN a.attcollation <> at.typcollation THEN co.collname END)
                         ORDER BY a.attnum)
         FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation
         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END AS attributes,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT opc.opcdefault THEN opn.nspname END AS "opclassNs",
       CASE WHEN NOT opc.opcdefault THEN opc.opcname END AS opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN rc.collname END AS collation,
       cpn.nspname AS "canonicalNs", cp.proname AS canonical,
       dpn.nspname AS "diffNs", dp.proname AS diff,
       mn.nspname AS "multirangeNs", mt.typname AS multirange
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_class tc ON tc.oid = t.typrelid
LEFT JOIN pg_range r ON r.rngtypid = t.oid
LEFT JOIN pg_type st ON st.oid = r.rngsubtype
LEFT JOIN pg_opclass opc ON opc.oid = r.rngsubopc
LEFT JOIN pg_namespace opn ON opn.oid = opc.opcnamespace
LEFT JOIN pg_collation rc ON rc.oid = r.rngcollation
LEFT JOIN pg_proc cp ON cp.oid = r.rngcanonical
LEFT JOIN pg_namespace cpn ON cpn.oid = cp.pronamespace
LEFT JOIN pg_proc dp ON dp.oid = r.rngsubdiff
LEFT JOIN pg_namespace dpn ON dpn.oid = dp.pronamespace
LEFT JOIN pg_type mt ON mt.oid = r.rngmultitypid
LEFT JOIN pg_namespace mn ON mn.oid = mt.typnamespace
WHERE (t.typtype IN ('e', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c'))
  AND ${userNamespace} AND ${notFromExtension('t.oid')}${scope(only, 't.typname')}
ORDER BY 1, 2`

export const domainsSql = (only: boolean) => `
SELECT n.nspname AS ns, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS base,
       t.typnotnull AS "notNull", t.typdefault AS "default",
       CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END AS collation,
       COALESCE((SELECT json_agg(json_build_object('name', c.conname, 'definition', pg_get_constraintdef(c.oid, true)) ORDER BY c.conname)
                 FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '[]') AS checks
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation co ON co.oid = t.typcollation
WHERE t.typtype = 'd' AND ${userNamespace} AND ${notFromExtension('t.oid')}${scope(only, 't.typname')}
ORDER BY 1, 2`

export const routinesSql = (only: boolean) => `
SELECT p.oid::int8 AS oid, n.nspname AS ns, p.proname AS name, p.prokind AS prokind,
       pg_get_function_arguments(p.oid) AS arguments, pg_get_function_result(p.oid) AS result,
       pg_get_function_identity_arguments(p.oid) AS identity
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND ${userNamespace} AND ${notFromExtension('p.oid')}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')${scope(only, 'p.proname')}
ORDER BY 2, 3, 7`

/** Timing and events from tgtype's bits, in the order pg_get_triggerdef prints them. */
export const triggersSql = (only: boolean) => `
SELECT t.oid::int8 AS oid, n.nspname AS ns, t.tgname AS name, c.relname AS "table",
       CASE WHEN t.tgtype & 2 <> 0 THEN 'BEFORE' WHEN t.tgtype & 64 <> 0 THEN 'INSTEAD OF' ELSE 'AFTER' END AS timing,
       concat_ws(' OR ', CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' END, CASE WHEN t.tgtype & 8 <> 0 THEN 'DELETE' END,
                 CASE WHEN t.tgtype & 16 <> 0 THEN 'UPDATE' END, CASE WHEN t.tgtype & 32 <> 0 THEN 'TRUNCATE' END) AS events
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND NOT c.relispartition AND ${userNamespace} AND ${notFromExtension('c.oid')}${scope(only, 't.tgname')}
ORDER BY 2, 3, 4`

export const functionDefinitionSql = `SELECT pg_get_functiondef($1::oid) AS ddl`
export const triggerDefinitionSql = `SELECT pg_get_triggerdef($1::oid, true) AS ddl`

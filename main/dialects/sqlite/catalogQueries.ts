/**
 * The batched queries behind SQLite introspection: sqlite_schema joined to the
 * pragma table-valued functions, each for every table at once.
 */
// `@only` narrows every query to one table (and its indexes and triggers) for the lazy browser.
const userObjects = `m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND (@only IS NULL OR m.tbl_name = @only)`

export const objectsSql = `
SELECT m.type, m.name, m.tbl_name AS tbl, m.sql FROM sqlite_schema m
WHERE m.type IN ('table', 'view', 'index', 'trigger') AND ${userObjects}
ORDER BY m.name`

export const columnsSql = `
SELECT m.name AS tbl, p.name, p.type, p."notnull", p.dflt_value AS dflt, p.pk, p.hidden
FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
WHERE m.type IN ('table', 'view') AND ${userObjects}
ORDER BY m.name, p.cid`

export const indexesSql = `
SELECT m.name AS tbl, l.name, l."unique", l.origin, l.partial, x.cid, x."desc", x.coll
FROM sqlite_schema m JOIN pragma_index_list(m.name) l JOIN pragma_index_xinfo(l.name) x
WHERE m.type = 'table' AND x.key = 1 AND ${userObjects}
ORDER BY m.name, l.name, x.seqno`

export const foreignKeysSql = `
SELECT m.name AS tbl, f.id, f."table" AS ref, f."from", f."to", f.on_update AS onUpdate, f.on_delete AS onDelete
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND ${userObjects}
ORDER BY m.name, f.id, f.seq`

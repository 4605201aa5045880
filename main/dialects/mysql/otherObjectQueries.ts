/**
 * The information_schema queries behind the schema tree's other objects, one
 * per kind, for the current database as `schema.objects` lists it. With
 * `only`, the first `?` is bound to the object's database and the second to
 * its name. The server's own databases are never listed.
 */
const where = (only: boolean, schema: string, name: string) =>
  `${only ? `${schema} = ? AND ${name} = ?` : `${schema} = DATABASE()`} AND ${schema} NOT IN ('mysql', 'sys', 'performance_schema', 'information_schema')`

// MariaDB's Oracle mode adds PACKAGE and PACKAGE BODY routines, which have a DDL of their own.
export const routinesSql = (only: boolean) => `
SELECT ROUTINE_SCHEMA AS \`schema\`, ROUTINE_NAME AS name, ROUTINE_TYPE AS type, DTD_IDENTIFIER AS returns
FROM information_schema.ROUTINES
WHERE ${where(only, 'ROUTINE_SCHEMA', 'ROUTINE_NAME')} AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')
ORDER BY ROUTINE_NAME, ROUTINE_TYPE`

// Read apart from the routines and matched in code, like keys and their rules; position 0 is a function's result.
export const parametersSql = (only: boolean) => `
SELECT SPECIFIC_NAME AS routine, ROUTINE_TYPE AS type, PARAMETER_MODE AS mode, PARAMETER_NAME AS name,
       DTD_IDENTIFIER AS dataType
FROM information_schema.PARAMETERS
WHERE ${where(only, 'SPECIFIC_SCHEMA', 'SPECIFIC_NAME')} AND ORDINAL_POSITION > 0
ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION`

export const triggersSql = (only: boolean) => `
SELECT TRIGGER_SCHEMA AS \`schema\`, TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS tbl, ACTION_TIMING AS timing,
       EVENT_MANIPULATION AS event
FROM information_schema.TRIGGERS
WHERE ${where(only, 'TRIGGER_SCHEMA', 'TRIGGER_NAME')}
ORDER BY TRIGGER_NAME`

export const eventsSql = (only: boolean) => `
SELECT EVENT_SCHEMA AS \`schema\`, EVENT_NAME AS name, EVENT_TYPE AS type, EXECUTE_AT AS executeAt,
       INTERVAL_VALUE AS intervalValue, INTERVAL_FIELD AS intervalField, STATUS AS status
FROM information_schema.EVENTS
WHERE ${where(only, 'EVENT_SCHEMA', 'EVENT_NAME')}
ORDER BY EVENT_NAME`

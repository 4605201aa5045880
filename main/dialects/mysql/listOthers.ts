import type { Connection } from 'mysql2'
import type { OtherObject, OtherObjectRef } from '../../../shared/schemaContract'
import { groupBy } from '../../schema/groupBy'
import { catalogRows } from './catalogRows'
import * as q from './otherObjectQueries'

interface RoutineRow {
  schema: string
  name: string
  type: 'FUNCTION' | 'PROCEDURE'
  returns: string | null
}

interface ParameterRow {
  routine: string
  type: 'FUNCTION' | 'PROCEDURE'
  mode: string | null
  name: string
  dataType: string
}

interface TriggerRow {
  schema: string
  name: string
  tbl: string
  timing: string
  event: string
}

interface EventRow {
  schema: string
  name: string
  type: 'ONE TIME' | 'RECURRING'
  executeAt: string | null
  intervalValue: string | null
  intervalField: string | null
  status: string
}

/**
 * Procedures, functions, triggers and events of the current database, in
 * four information_schema queries (routines and their parameters apart); with
 * `only`, just that object's kind, narrowed to it.
 */
export async function listOthers(conn: Connection, only?: OtherObjectRef): Promise<OtherObject[]> {
  const scoped = only !== undefined
  const values = only ? [only.schema, only.name] : []
  const wanted = (...kinds: OtherObject['kind'][]) => !only || kinds.includes(only.kind)
  const out: OtherObject[] = []
  if (wanted('function', 'procedure')) {
    const routines = await catalogRows<RoutineRow>(conn, q.routinesSql(scoped), values)
    const parameters = groupBy(
      await catalogRows<ParameterRow>(conn, q.parametersSql(scoped), values),
      (p) => `${p.type}\0${p.routine}`,
    )
    for (const r of routines) {
      const list = (parameters.get(`${r.type}\0${r.name}`) ?? []).map(
        (p) => `${p.mode && p.mode !== 'IN' ? `${p.mode} ` : ''}${p.name} ${p.dataType}`,
      )
      out.push(
        r.type === 'FUNCTION'
          ? other(r, 'function', `(${list.join(', ')}) → ${r.returns ?? ''}`)
          : other(r, 'procedure', `(${list.join(', ')})`),
      )
    }
  }
  if (wanted('trigger'))
    for (const t of await catalogRows<TriggerRow>(conn, q.triggersSql(scoped), values))
      out.push(other(t, 'trigger', `${t.timing} ${t.event} ON ${t.tbl}`, t.tbl))
  if (wanted('event'))
    for (const e of await catalogRows<EventRow>(conn, q.eventsSql(scoped), values))
      out.push(other(e, 'event', eventDetail(e)))
  return only ? out.filter((o) => o.kind === only.kind && o.identity === only.identity) : out
}

function eventDetail(e: EventRow): string {
  const schedule =
    e.type === 'ONE TIME'
      ? `AT ${e.executeAt ?? ''}`
      : `EVERY ${e.intervalValue ?? ''} ${e.intervalField ?? ''}`
  return e.status === 'ENABLED' ? schedule : `${schedule}, ${e.status.toLowerCase()}`
}

function other(
  row: { schema: string; name: string },
  kind: OtherObject['kind'],
  detail: string,
  identity = '',
): OtherObject {
  return { schema: row.schema, name: row.name, kind, detail, identity }
}

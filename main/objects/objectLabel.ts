import type { OtherObjectRef } from '../../shared/schemaContract'

/** How a message names an object: `function "add(a integer, b integer)"`, `trigger "audit" on "orders"`. */
export function objectLabel(object: OtherObjectRef): string {
  if (object.kind === 'trigger' && object.identity)
    return `trigger "${object.name}" on "${object.identity}"`
  if ((object.kind === 'function' || object.kind === 'procedure') && object.identity)
    return `${object.kind} "${object.name}(${object.identity})"`
  return `${object.kind} "${object.name}"`
}

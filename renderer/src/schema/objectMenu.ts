import type { SchemaObject } from '../../../shared/contract'
import type { OtherObject } from '../../../shared/schemaContract'
import type { MenuItem } from '../workspace/Menu'
import type { ObjectActions } from './ObjectActions'

/** The context menu of a table or view in the tree. */
export function tableMenu(object: SchemaObject, actions: ObjectActions): MenuItem[] {
  const target = { schema: object.schema, name: object.name, kind: object.kind }
  const isTable = object.kind === 'table'
  return [
    { label: 'Open data', onSelect: () => actions.openData(object) },
    { label: 'Open structure', onSelect: () => actions.openStructure(object) },
    { label: 'Query JSON', onSelect: () => actions.queryJson(object) },
    { label: 'Export…', onSelect: () => actions.exportRows(object) },
    { label: 'Copy name', onSelect: () => void copyText(object.name), separated: true },
    {
      label: 'Generate SELECT',
      onSelect: () => actions.statement(target, 'select'),
      separated: true,
    },
    ...(isTable
      ? ([
          { label: 'Generate INSERT', onSelect: () => actions.statement(target, 'insert') },
          { label: 'Generate UPDATE', onSelect: () => actions.statement(target, 'update') },
          { label: 'Generate DELETE', onSelect: () => actions.statement(target, 'delete') },
          {
            label: 'Truncate…',
            onSelect: () => actions.statement(target, 'truncate'),
            danger: true,
            separated: true,
          },
        ] satisfies MenuItem[])
      : []),
    {
      label: 'Drop…',
      onSelect: () => actions.statement(target, 'drop'),
      danger: true,
      separated: !isTable,
    },
  ]
}

/** The context menu of a sequence, type, routine, trigger or event. */
export function otherMenu(object: OtherObject, actions: ObjectActions): MenuItem[] {
  return [
    { label: 'Open definition', onSelect: () => actions.openDefinition(object) },
    { label: 'Copy name', onSelect: () => void copyText(object.name) },
    {
      label: 'Drop…',
      onSelect: () => actions.statement(object, 'drop'),
      danger: true,
      separated: true,
    },
  ]
}

async function copyText(text: string): Promise<void> {
  await navigator.clipboard?.writeText(text).catch(() => undefined)
}

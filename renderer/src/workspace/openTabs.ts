import type { ObjectRef, SchemaObject } from '../../../shared/contract'
import type { OtherObject } from '../../../shared/schemaContract'
import { TableTab } from '../table/TableTab'
import type { ConnectionSession } from './ConnectionSession'
import { createTab } from './tabKinds'
import type { WorkspaceTab } from './Tab'

/** A new query tab, with `text` in its editor. */
export function openQuery(
  session: ConnectionSession,
  text = '',
  savedName: string | null = null,
): WorkspaceTab {
  return session.openTab(
    createTab(session, { kind: 'query', title: '', savedName, text, dirty: false }),
  )
}

/** A table or view's tab (the one open already, if any), showing its data or its structure. */
export function openTable(
  session: ConnectionSession,
  object: Pick<SchemaObject, 'schema' | 'name' | 'kind'>,
  view: 'data' | 'structure',
): WorkspaceTab {
  const tab = session.openTab(
    createTab(session, {
      kind: 'table',
      object: { schema: object.schema, name: object.name },
      objectKind: object.kind,
      view,
      sort: [],
      filters: [],
      where: '',
      pageSize: 1000,
    }),
  )
  if (tab instanceof TableTab) tab.setView(view)
  return tab
}

export function openDefinition(session: ConnectionSession, object: OtherObject): WorkspaceTab {
  return session.openTab(
    createTab(session, {
      kind: 'definition',
      object: {
        schema: object.schema,
        name: object.name,
        kind: object.kind,
        identity: object.identity,
      },
    }),
  )
}

export function openJson(session: ConnectionSession, object: ObjectRef): WorkspaceTab {
  return session.openTab(
    createTab(session, {
      kind: 'json',
      object: { schema: object.schema, name: object.name },
      column: null,
      where: '',
    }),
  )
}

export function openMigrations(session: ConnectionSession): WorkspaceTab {
  return session.openTab(createTab(session, { kind: 'migrations' }))
}

export function openCompare(session: ConnectionSession): WorkspaceTab {
  return session.openTab(
    createTab(session, {
      kind: 'compare',
      from: { kind: 'connection', path: '' },
      to: { kind: 'sqlFile', path: '' },
    }),
  )
}

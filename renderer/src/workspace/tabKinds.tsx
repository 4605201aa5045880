import { useSyncExternalStore } from 'react'
import { CompareView } from '../compare/CompareView'
import { JsonView } from '../json/JsonView'
import { MigrationsPanel } from '../migrations/MigrationsPanel'
import { QueryTab } from '../query/QueryTab'
import { QueryTabView } from '../query/QueryTabView'
import type { ResultSet } from '../query/ResultSet'
import { DefinitionView } from '../schema/DefinitionView'
import { objectKey } from '../schema/treeRows'
import { TableTab } from '../table/TableTab'
import { TableTabView } from '../table/TableTabView'
import type { ConnectionSession } from './ConnectionSession'
import type { Layout } from './Layout'
import type { SavedTab } from './savedWorkspace'
import type { WorkspaceTab } from './Tab'
import { ViewTab } from './ViewTab'

type Saved<K extends SavedTab['kind']> = Extract<SavedTab, { kind: K }>

/** The tab a saved description stands for: how tabs are made on open and on restore alike. */
export function createTab(session: ConnectionSession, saved: SavedTab): WorkspaceTab {
  switch (saved.kind) {
    case 'query':
      return new QueryTab(session, saved)
    case 'table':
      return new TableTab(session, saved)
    case 'definition':
      return new ViewTab(
        session,
        saved,
        `definition:${saved.object.kind}\0${objectKey(saved.object)}\0${saved.object.identity}`,
        { title: saved.object.name, detail: `${saved.object.kind} ${saved.object.name}` },
      )
    case 'json':
      return new ViewTab(session, saved, `json:${objectKey(saved.object)}`, {
        title: `JSON: ${saved.object.name}`,
      })
    case 'migrations':
      return new ViewTab(session, saved, 'migrations', { title: 'Migrations' })
    case 'compare':
      return new ViewTab(session, saved, null, { title: 'Compare' })
  }
}

/** Whether a tab's view holds state of its own, and so must stay mounted while hidden. */
export function keepsViewMounted(tab: WorkspaceTab): boolean {
  return tab instanceof ViewTab
}

/** What a tab's view needs from the workspace around it. */
export interface TabViewHooks {
  layout: Layout
  openSql(session: ConnectionSession, sql: string): void
  exportResult(result: ResultSet): void
  exportTable(tab: TableTab): void
  queryJson(tab: TableTab): void
}

interface Props {
  tab: WorkspaceTab
  session: ConnectionSession
  active: boolean
  hooks: TabViewHooks
}

/** A tab's view by its kind. */
export function TabView({ tab, session, active, hooks }: Props) {
  const { info } = useSyncExternalStore(session.subscribe, session.getSnapshot)
  if (tab instanceof QueryTab)
    return (
      <QueryTabView tab={tab} layout={hooks.layout} active={active} onExport={hooks.exportResult} />
    )
  if (tab instanceof TableTab)
    return (
      <TableTabView
        tab={tab}
        active={active}
        onQueryJson={() => hooks.queryJson(tab)}
        onExport={() => hooks.exportTable(tab)}
        onOpenSql={(sql) => hooks.openSql(session, sql)}
      />
    )
  if (!(tab instanceof ViewTab)) return null
  if (tab.kind === 'definition') return <DefinitionView tab={tab as ViewTab<Saved<'definition'>>} />
  if (!info)
    return <p className="muted pad">Not connected: reconnect {session.title} to use this tab.</p>
  switch (tab.kind) {
    case 'json': {
      const json = tab as ViewTab<Saved<'json'>>
      return (
        <JsonView
          key={info.connectionId}
          client={session.client}
          connection={info}
          object={json.initial.object}
          initial={json.initial}
          onRemember={(state) => json.remember(state)}
          onOpenSql={(sql) => hooks.openSql(session, sql)}
        />
      )
    }
    case 'migrations':
      return (
        <MigrationsPanel
          key={info.connectionId}
          client={session.client}
          connection={info}
          onSchemaChanged={() => session.schemaChanged()}
        />
      )
    case 'compare': {
      const compare = tab as ViewTab<Saved<'compare'>>
      return (
        <CompareView
          key={info.connectionId}
          client={session.client}
          connection={info}
          initial={compare.initial}
          onRemember={(sources) => compare.remember(sources)}
        />
      )
    }
    default:
      return null
  }
}

import { normalizeKeys } from './keys'
import type { ConnectionSession } from '../workspace/ConnectionSession'
import type { Layout } from '../workspace/Layout'
import type { Overlays } from '../workspace/Overlays'
import type { WorkspaceTab } from '../workspace/Tab'
import type { Workspace } from '../workspace/Workspace'

/** What a command acts on: read when it runs, so it always sees the tab in front. */
export interface CommandContext {
  workspace: Workspace
  overlays: Overlays
  session: ConnectionSession | null
  tab: WorkspaceTab | null
  layout: Layout
  /** What only the workspace's view can do. */
  view: WorkspaceView
}

export type SidePanel = 'Schema' | 'History' | 'Saved'

export interface WorkspaceView {
  focusTree(): void
  showSidePanel(panel: SidePanel): void
  /** Where an export goes unless the user names another folder. */
  exportDir: string
}

/**
 * One action, registered once with its name and shortcut. Buttons, menus, the
 * command palette and the keyboard all invoke it through here, and it says
 * itself when it can run.
 */
export interface Command {
  id: string
  title: string
  /** Grouping in the palette: Query, Tabs, View… */
  category: string
  /** Shortcuts in `keys.ts` form; the first is the one shown. */
  keys?: string[]
  enabled(context: CommandContext): boolean
  run(context: CommandContext): void | Promise<void>
}

const registry = new Map<string, Command>()

/** Adds commands; an id registered twice is a programming error. */
export function registerCommands(commands: Command[]): void {
  for (const command of commands) {
    if (registry.has(command.id)) throw new Error(`Command ${command.id} is registered twice`)
    registry.set(command.id, command)
  }
}

export function allCommands(): Command[] {
  return [...registry.values()]
}

export function commandById(id: string): Command {
  const command = registry.get(id)
  if (!command) throw new Error(`No command ${id}`)
  return command
}

/** The enabled command bound to `combo`, if any. */
export function commandForKeys(combo: string, context: CommandContext): Command | undefined {
  for (const command of registry.values())
    if (command.keys?.some((keys) => normalizeKeys(keys) === combo) && command.enabled(context))
      return command
  return undefined
}

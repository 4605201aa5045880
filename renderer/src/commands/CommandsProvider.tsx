import { createContext, useContext, useEffect, type ReactNode } from 'react'
import { commandById, commandForKeys, type CommandContext } from './commands'
import { ariaKeys, comboOf, showKeys } from './keys'

const Context = createContext<(() => CommandContext) | null>(null)

interface Props {
  /** Reads the workspace as it is when a command runs. */
  context(): CommandContext
  children: ReactNode
}

/**
 * Makes commands reachable from anywhere below, and turns key presses into
 * commands. Keys are caught on the way down (capture), before Monaco or a
 * field sees them, and only when no dialog is open and the command can run;
 * otherwise the key goes on to whatever has focus.
 */
export function CommandsProvider({ context, children }: Props) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return
      const combo = comboOf(event)
      if (!combo) return
      const now = context()
      const command = commandForKeys(combo, now)
      if (!command) return
      event.preventDefault()
      event.stopPropagation()
      void command.run(now)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [context])
  return <Context.Provider value={context}>{children}</Context.Provider>
}

export interface BoundCommand {
  title: string
  /** The first shortcut as this platform shows it, or '' for none. */
  keys: string
  /** The same in `aria-keyshortcuts` form. */
  ariaKeys: string
  enabled: boolean
  run(): void
}

/** A command as a control shows it; read on every render of the control. */
export function useCommand(id: string): BoundCommand {
  const read = useContext(Context)
  if (!read) throw new Error('useCommand outside CommandsProvider')
  const command = commandById(id)
  const context = read()
  return {
    title: command.title,
    keys: command.keys?.[0] ? showKeys(command.keys[0]) : '',
    ariaKeys: command.keys?.[0] ? ariaKeys(command.keys[0]) : '',
    enabled: command.enabled(context),
    run: () => {
      const now = read()
      if (command.enabled(now)) void command.run(now)
    },
  }
}

/** Reads the command context in event handlers (menus, the palette). */
export function useCommandContext(): () => CommandContext {
  const read = useContext(Context)
  if (!read) throw new Error('useCommandContext outside CommandsProvider')
  return read
}

interface ButtonProps {
  command: string
  /** A shorter label than the command's title, for a toolbar. */
  label?: string
  className?: string
}

/** A button that runs a command, named by it, with its shortcut in the tooltip. */
export function CommandButton({ command, label, className }: ButtonProps) {
  const bound = useCommand(command)
  return (
    <button
      className={className}
      onClick={bound.run}
      disabled={!bound.enabled}
      title={bound.keys ? `${bound.title} (${bound.keys})` : bound.title}
      aria-keyshortcuts={bound.ariaKeys || undefined}
    >
      {label ?? bound.title}
    </button>
  )
}

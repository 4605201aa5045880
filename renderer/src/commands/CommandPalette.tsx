import { useMemo, useState } from 'react'
import { Dialog } from '../workspace/Dialog'
import { allCommands, type CommandContext } from './commands'
import { showKeys } from './keys'

interface Props {
  context(): CommandContext
  onClose(): void
}

/**
 * Every command with its shortcut, filtered as one types; Enter runs the
 * chosen one. Commands that cannot run now are listed, marked unavailable.
 */
export function CommandPalette({ context, onClose }: Props) {
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState(0)
  const now = useMemo(() => context(), [context])
  const matches = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean)
    return allCommands()
      .filter((c) => {
        const name = `${c.category} ${c.title}`.toLowerCase()
        return words.every((w) => name.includes(w))
      })
      .map((command) => ({ command, enabled: command.enabled(now) }))
      .sort((a, b) => Number(b.enabled) - Number(a.enabled))
  }, [text, now])
  const current = Math.min(chosen, Math.max(0, matches.length - 1))

  const run = (index: number) => {
    const match = matches[index]
    if (!match?.enabled) return
    onClose()
    // After the dialog has gone, so a command that opens another dialog or moves focus is not undone.
    queueMicrotask(() => void match.command.run(context()))
  }

  return (
    <Dialog label="Command palette" heading="Commands" onClose={onClose} className="palette">
      <input
        autoFocus
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches[current] ? `palette-${current}` : undefined}
        placeholder="Type a command"
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setChosen(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setChosen(Math.min(matches.length - 1, current + 1))
          else if (event.key === 'ArrowUp') setChosen(Math.max(0, current - 1))
          else if (event.key === 'Enter') run(current)
          else return
          event.preventDefault()
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {matches.length === 0 && <li className="muted">No command matches “{text}”.</li>}
        {matches.map(({ command, enabled }, index) => (
          <li
            key={command.id}
            id={`palette-${index}`}
            role="option"
            aria-selected={index === current}
            aria-disabled={!enabled}
            className={index === current ? 'chosen' : undefined}
            onMouseMove={() => setChosen(index)}
            onClick={() => run(index)}
          >
            <span className="palette-category">{command.category}:</span> {command.title}
            {command.keys?.[0] && <kbd>{showKeys(command.keys[0])}</kbd>}
          </li>
        ))}
      </ul>
    </Dialog>
  )
}

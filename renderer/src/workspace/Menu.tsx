import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

export interface MenuItem {
  label: string
  onSelect(): void
  disabled?: boolean
  /** A check box item (`menuitemcheckbox`); choosing it keeps the menu open. */
  checked?: boolean
  /** A key chord shown beside the label, e.g. "Ctrl+C". */
  shortcut?: string
  /** A change that loses data (truncate, drop): marked, and it asks before doing anything. */
  danger?: boolean
  /** A line above this item, starting a group. */
  separated?: boolean
}

interface Props {
  label: string
  items: MenuItem[]
  /** Viewport coordinates of the menu's top-left corner; it moves in to stay on screen. */
  at: { x: number; y: number }
  /** The button that opened the menu: a press on it is left to its own toggle rather than closing the menu. */
  opener?: HTMLElement | null
  /**
   * Closed by a choice, Escape or Tab (`refocus`: the opener takes focus back)
   * or by a click elsewhere (not `refocus`: focus goes where the click went).
   */
  onClose(refocus: boolean): void
}

/**
 * A popup menu with the ARIA menu pattern: focus on the first item, arrows,
 * Home/End and first letters move, Enter or Space chooses. Drawn in a portal,
 * so a scrolling or clipping grid never cuts it off.
 */
export function Menu({ label, items, at, opener, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState(at)

  useLayoutEffect(() => {
    const element = menu.current!
    const { width, height } = element.getBoundingClientRect()
    setPosition({
      x: Math.max(0, Math.min(at.x, window.innerWidth - width - 4)),
      y: Math.max(0, Math.min(at.y, window.innerHeight - height - 4)),
    })
    element.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus()
  }, [at])

  useEffect(() => {
    const away = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !opener?.contains(target)) onClose(false)
    }
    document.addEventListener('pointerdown', away, true)
    return () => document.removeEventListener('pointerdown', away, true)
  }, [onClose, opener])

  const choose = (item: MenuItem) => {
    if (item.disabled) return
    item.onSelect()
    if (item.checked === undefined) onClose(true)
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    const enabled = [
      ...menu.current!.querySelectorAll<HTMLElement>(
        '[role^="menuitem"]:not([aria-disabled="true"])',
      ),
    ]
    const current = enabled.indexOf(document.activeElement as HTMLElement)
    const focus = (index: number) => enabled[(index + enabled.length) % enabled.length]?.focus()
    if (event.key === 'ArrowDown') focus(current + 1)
    else if (event.key === 'ArrowUp') focus(current - 1)
    else if (event.key === 'Home') focus(0)
    else if (event.key === 'End') focus(enabled.length - 1)
    else if (event.key === 'Escape' || event.key === 'Tab') onClose(true)
    else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase()
      const next = enabled.findIndex(
        (item, i) => i > current && item.textContent?.trim().toLowerCase().startsWith(letter),
      )
      const first = enabled.findIndex((item) =>
        item.textContent?.trim().toLowerCase().startsWith(letter),
      )
      if (next >= 0 || first >= 0) focus(next >= 0 ? next : first)
    } else return
    event.preventDefault()
    event.stopPropagation()
  }

  return createPortal(
    <div
      ref={menu}
      className="menu-popup"
      role="menu"
      aria-label={label}
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <div
          key={item.label}
          className={`menu-item${item.danger ? ' danger' : ''}${item.separated ? ' separated' : ''}`}
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-label={item.label}
          aria-checked={item.checked}
          aria-disabled={item.disabled || undefined}
          tabIndex={-1}
          onClick={() => choose(item)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' && event.key !== ' ') return
            event.preventDefault()
            event.stopPropagation()
            choose(item)
          }}
        >
          <span className="menu-check" aria-hidden="true">
            {item.checked ? '✓' : ''}
          </span>
          {item.label}
          {item.shortcut && (
            <kbd className="menu-shortcut" aria-hidden="true">
              {item.shortcut}
            </kbd>
          )}
        </div>
      ))}
    </div>,
    document.body,
  )
}

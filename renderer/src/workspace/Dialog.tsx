import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'

interface Props {
  /** The dialog's accessible name, and its heading unless `heading` says otherwise. */
  label: string
  heading?: ReactNode
  onClose(): void
  /** When given, the dialog is a form and Enter in a field submits it. */
  onSubmit?(): void
  children: ReactNode
  className?: string
}

const focusable =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog as the platform means it: role dialog with a name, focus
 * moved inside on open and kept there with Tab, Esc to close, and focus given
 * back to where it was.
 */
export function Dialog({ label, heading, onClose, onSubmit, children, className }: Props) {
  const box = useRef<HTMLElement>(null)
  const close = useRef(onClose)
  close.current = onClose
  // Read while rendering: by the time effects run, an autofocus field inside has already taken focus.
  const [before] = useState(() => document.activeElement as HTMLElement | null)

  useEffect(() => {
    const element = box.current!
    if (!element.contains(document.activeElement))
      (element.querySelector<HTMLElement>('[autofocus]') ?? firstFocusable(element))?.focus()
    // Esc closes the dialog wherever focus went (a button that disappears leaves it on the page).
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      close.current()
    }
    document.addEventListener('keydown', onEscape)
    return () => {
      document.removeEventListener('keydown', onEscape)
      if (before?.isConnected) before.focus()
    }
  }, [before])

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'Tab') return
    const items = [...box.current!.querySelectorAll<HTMLElement>(focusable)]
    const first = items[0]
    const last = items.at(-1)
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  const body = (
    <>
      <h2>{heading ?? label}</h2>
      {children}
    </>
  )
  const props = {
    ref: (element: HTMLElement | null) => {
      box.current = element
    },
    className: `dialog ${className ?? ''}`,
    role: 'dialog',
    'aria-modal': true,
    'aria-label': label,
    onKeyDown,
  } as const
  return (
    <div className="dialog-backdrop">
      {onSubmit ? (
        <form
          {...props}
          onSubmit={(event: FormEvent) => {
            event.preventDefault()
            onSubmit()
          }}
        >
          {body}
        </form>
      ) : (
        <section {...props}>{body}</section>
      )}
    </div>
  )
}

function firstFocusable(element: HTMLElement): HTMLElement | null {
  return element.querySelector<HTMLElement>(focusable)
}

/**
 * Shortcuts are written `Mod+Shift+Enter`: `Mod` is Ctrl, or Cmd on macOS, as
 * in VS Code and Monaco. Keys are matched by `KeyboardEvent.code`, so a
 * shortcut stays on the same key whatever the keyboard layout or what Alt
 * types there on a Mac.
 */

/** Whether this is a Mac, where Mod is Cmd and shortcuts print as symbols. */
export const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '')

const codeNames: Record<string, string> = {
  Period: '.',
  Comma: ',',
  Slash: '/',
  Backslash: '\\',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Minus: '-',
  Equal: '=',
  Backquote: '`',
  NumpadEnter: 'Enter',
}

/** The key of a `code`: `KeyT` → `T`, `Digit1` → `1`, `Period` → `.`, `F1` stays `F1`. */
function keyOfCode(code: string): string {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3)
  if (/^Digit\d$/.test(code)) return code.slice(5)
  return codeNames[code] ?? code
}

/** The shortcut an event is, in the same form as a written one; null for a bare modifier. */
export function comboOf(event: KeyboardEvent): string | null {
  const key = keyOfCode(event.code)
  if (/^(Control|Shift|Alt|Meta)(Left|Right)?$/.test(key)) return null
  const parts: string[] = []
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod')
  if (isMac && event.ctrlKey) parts.push('Ctrl')
  if (event.altKey) parts.push('Alt')
  if (event.shiftKey) parts.push('Shift')
  parts.push(key)
  return parts.join('+')
}

const modifierOrder = ['Mod', 'Ctrl', 'Alt', 'Shift']

/**
 * A written shortcut in the one order `comboOf` produces (Mod, Ctrl, Alt,
 * Shift, then the key), so `Shift+Alt+F` and `Alt+Shift+F` are the same keys.
 */
export function normalizeKeys(keys: string): string {
  const parts = keys.split('+')
  // A '+' key itself ("Mod++") leaves an empty part at the end.
  const key = parts.at(-1) === '' ? '+' : parts.at(-1)!
  const modifiers = parts.slice(0, key === '+' ? -2 : -1)
  return [...modifierOrder.filter((m) => modifiers.includes(m)), key].join('+')
}

/** How a written shortcut is shown on this platform: `Ctrl+Shift+Enter`, or `⌘⇧Enter` on a Mac. */
export function showKeys(keys: string): string {
  if (!isMac) return keys.replace(/\bMod\b/g, 'Ctrl')
  return keys
    .replace(/\bMod\+/g, '⌘')
    .replace(/\bCtrl\+/g, '⌃')
    .replace(/\bAlt\+/g, '⌥')
    .replace(/\bShift\+/g, '⇧')
}

/** A written shortcut in `aria-keyshortcuts` form: `Control+Shift+Enter`, `Meta+S`. */
export function ariaKeys(keys: string): string {
  return keys.replace(/\bMod\b/g, isMac ? 'Meta' : 'Control').replace(/\bCtrl\b/g, 'Control')
}

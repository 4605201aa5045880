import { monaco } from '../monaco/monaco'
import type { ThemeChoice } from './Layout'

const darkQuery = '(prefers-color-scheme: dark)'

/**
 * Puts a theme choice in force: `data-theme` on <html> for the CSS (absent
 * for `system`, so prefers-color-scheme decides), and Monaco's own theme,
 * which CSS cannot reach. Returns a function that stops following the system.
 */
export function applyTheme(choice: ThemeChoice): () => void {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
  const media = window.matchMedia(darkQuery)
  const sync = () => {
    const dark = choice === 'dark' || (choice === 'system' && media.matches)
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs')
  }
  sync()
  media.addEventListener('change', sync)
  return () => media.removeEventListener('change', sync)
}

/** Whether the page shows dark now, whatever chose it. */
export function isDark(choice: ThemeChoice): boolean {
  return choice === 'dark' || (choice === 'system' && window.matchMedia(darkQuery).matches)
}

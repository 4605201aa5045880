import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createClient } from './client/createClient'
import { registerCompletion } from './editor/completion'
import './query/commands'
import './table/commands'
import './workspace/commands'
import './styles.css'

registerCompletion()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={createClient()} storage={pageStorage()} />
  </StrictMode>,
)

/** The page's local storage; null where it is refused (a sandbox without storage). */
function pageStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

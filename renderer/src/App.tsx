import { useEffect, useMemo, useState } from 'react'
import { toErrorData, type SluiceErrorData } from '../../shared/errors'
import type { SluiceClient } from '../../shared/transport'
import { checkWebAccess } from './client/checkWebAccess'
import { ErrorPanel } from './errors/ErrorPanel'
import { setCompletionLookup } from './editor/completion'
import { QueryTab } from './query/QueryTab'
import { keepSaved, loadWorkspace } from './workspace/keepSaved'
import { Layout } from './workspace/Layout'
import { Overlays } from './workspace/Overlays'
import type { SavedTab } from './workspace/savedWorkspace'
import { createTab } from './workspace/tabKinds'
import { Workspace } from './workspace/Workspace'
import { WorkspaceView } from './workspace/WorkspaceView'

const starterSql = `-- Ctrl+Enter runs the statement under the cursor or the selection; Ctrl+Shift+Enter runs them all.
SELECT name, json_extract(data, '$.type') AS type FROM pets;
`

type Boot =
  | { state: 'starting' }
  | { state: 'ready'; exportDir: string }
  | { state: 'refused'; message: string }
  | { state: 'failed'; error: SluiceErrorData }

/**
 * Starts the workbench: brings back the saved workspace (or opens the start
 * database, the bundled demo unless told otherwise), then keeps the
 * workspace saved as it changes.
 */
export function App({ client, storage }: { client: SluiceClient; storage: Storage | null }) {
  const workspace = useMemo(() => new Workspace(client, createTab), [client])
  const overlays = useMemo(() => new Overlays(), [])
  const layout = useMemo(() => new Layout(storage), [storage])
  const [boot, setBoot] = useState<Boot>({ state: 'starting' })
  const [notKept, setNotKept] = useState<string | null>(null)

  useEffect(() => {
    setCompletionLookup((model) => {
      for (const session of workspace.getSnapshot().sessions)
        for (const tab of session.getSnapshot().tabs)
          if (tab instanceof QueryTab && tab.model === model) return session.completion
      return null
    })
    let stop: (() => void) | null = null
    void (async () => {
      const refused = await checkWebAccess()
      if (refused) return setBoot({ state: 'refused', message: refused })
      try {
        const info = await client.call('app.info', {})
        setBoot({ state: 'ready', exportDir: info.exportDir })
        const saved = loadWorkspace(storage)
        if (saved && saved.sessions.length > 0) await workspace.restore(saved)
        else if (info.startUrl)
          await workspace.open(info.startUrl, [starterTab]).catch((error: unknown) => {
            setBoot({ state: 'failed', error: toErrorData(error) })
          })
        stop = keepSaved(workspace, storage, setNotKept)
      } catch (error) {
        setBoot({ state: 'failed', error: toErrorData(error) })
      }
    })()
    return () => stop?.()
  }, [client, storage, workspace])

  switch (boot.state) {
    case 'starting':
      return <p className="boot">Starting Sluice…</p>
    case 'refused':
      return (
        <main className="boot" role="alert">
          <h1>Sluice cannot use this page</h1>
          <p>{boot.message}</p>
        </main>
      )
    case 'failed':
      return (
        <main className="boot">
          <h1>Sluice could not start</h1>
          <ErrorPanel error={boot.error} />
        </main>
      )
    case 'ready':
      return (
        <WorkspaceView
          workspace={workspace}
          overlays={overlays}
          layout={layout}
          exportDir={boot.exportDir}
          notice={notKept}
        />
      )
  }
}

const starterTab: SavedTab = {
  kind: 'query',
  title: '',
  savedName: null,
  text: starterSql,
  dirty: false,
}

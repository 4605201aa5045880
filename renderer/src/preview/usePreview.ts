import { useCallback, useState } from 'react'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { PreviewReport } from '../../../shared/preview'
import type { SluiceClient } from '../../../shared/transport'

export type PreviewState =
  | { state: 'idle' }
  | { state: 'running'; runId: string }
  | { state: 'done'; report: PreviewReport }
  | { state: 'failed'; error: SluiceErrorData }

let previews = 0

/**
 * A preview's life in a view: started with the call that runs it under a
 * fresh id, cancellable through `migrations.cancel`, its report kept until reset.
 */
export function usePreview(client: SluiceClient) {
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' })

  const runPreview = useCallback(
    async (call: (runId: string) => Promise<PreviewReport>): Promise<PreviewReport | null> => {
      const runId = `preview-${Date.now().toString(36)}-${++previews}`
      setPreview({ state: 'running', runId })
      try {
        const report = await call(runId)
        setPreview({ state: 'done', report })
        return report
      } catch (error) {
        const data = toErrorData(error)
        setPreview(data.code === 'CANCELLED' ? { state: 'idle' } : { state: 'failed', error: data })
        return null
      }
    },
    [],
  )

  const cancel = useCallback(() => {
    if (preview.state === 'running') void client.call('migrations.cancel', { runId: preview.runId })
  }, [client, preview])

  const reset = useCallback(() => setPreview({ state: 'idle' }), [])

  return { preview, runPreview, cancel, reset }
}

import { describe, expect, it, vi } from 'vitest'
import type { SluiceClient } from '../../../shared/transport'
import { keepSaved, loadWorkspace } from './keepSaved'
import { Workspace } from './Workspace'

/** The page's storage with a quota, as browsers have one. */
function storage(quota: number): Storage {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (value.length > quota) throw new DOMException('quota exceeded', 'QuotaExceededError')
      items.set(key, value)
    },
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size
    },
  }
}

const empty = { version: 1 as const, sessions: [], activeSession: null }

const noEngine: SluiceClient = {
  call: () => Promise.reject(new Error('not used')),
  onEvent: () => () => undefined,
}

describe('keeping the workspace', () => {
  it('writes it as it changes, and says so when the storage refuses it, then when it fits again', async () => {
    vi.useFakeTimers()
    try {
      const workspace = new Workspace(noEngine, () => {
        throw new Error('no tabs')
      })
      const problems: (string | null)[] = []
      const small = storage(10)
      const stop = keepSaved(workspace, small, (problem) => problems.push(problem))
      await workspace.restore(empty)
      vi.advanceTimersByTime(1000)
      expect(problems.at(-1)).toMatch(/too large for this page's storage/)
      stop()

      const roomy = storage(10_000)
      const again = keepSaved(workspace, roomy, (problem) => problems.push(problem))
      await workspace.restore(empty)
      vi.advanceTimersByTime(1000)
      expect(problems.at(-1)).toBeNull()
      expect(loadWorkspace(roomy)).toEqual({ version: 1, sessions: [], activeSession: null })
      again()
    } finally {
      vi.useRealTimers()
    }
  })
})

import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { PlanNode } from '../../../shared/plan'
import type { SluiceClient } from '../../../shared/transport'
import { monaco } from '../monaco/monaco'
import { ResultSet } from './ResultSet'

/** One statement to run, and where it starts in the editor. */
export interface Statement {
  sql: string
  offset: number
}

export type PlanState =
  | { status: 'loading'; sql: string }
  | { status: 'done'; sql: string; plan: PlanNode; analyzed: boolean }
  | { status: 'error'; sql: string; error: SluiceErrorData }

export interface QueryTabState {
  title: string
  /** The saved query this tab holds, if it was saved or opened from one. */
  savedName: string | null
  /** The text differs from what was last saved (or, for a new tab, it has any edits). */
  dirty: boolean
  results: readonly ResultSet[]
  /** What the results area shows: a result's index, or the plan. */
  shown: number | 'plan'
  plan: PlanState | null
  running: boolean
}

let tabs = 0

/**
 * An editor tab: its text (a Monaco model, so undo and cursor survive tab
 * switches), and the results of its last run, one per statement.
 */
export class QueryTab {
  readonly id = `tab-${++tabs}`
  readonly model: monaco.editor.ITextModel
  viewState: monaco.editor.ICodeEditorViewState | null = null
  private savedVersion: number
  private state: QueryTabState
  private readonly listeners = new Set<() => void>()
  private current: ResultSet | undefined
  private stopRequested = false

  constructor(text: string, language: string, savedName: string | null = null) {
    this.model = monaco.editor.createModel(text, language)
    this.savedVersion = this.model.getAlternativeVersionId()
    this.state = {
      title: savedName ?? `Query ${tabs}`,
      savedName,
      dirty: false,
      results: [],
      shown: 0,
      plan: null,
      running: false,
    }
    this.model.onDidChangeContent(() => {
      // The alternative version id comes back to the saved one when edits are undone.
      const dirty = this.model.getAlternativeVersionId() !== this.savedVersion
      if (dirty !== this.state.dirty) this.update({ dirty })
    })
  }

  /** Runs statements in order, each into its own result, stopping at the first that fails. */
  async run(
    client: SluiceClient,
    connectionId: string,
    statements: Statement[],
  ): Promise<ResultSet[]> {
    if (this.state.running || statements.length === 0) return []
    this.closeResults()
    this.stopRequested = false
    this.update({ results: [], shown: 0, plan: null, running: true })
    const ran: ResultSet[] = []
    for (const statement of statements) {
      const result = new ResultSet(client, connectionId, statement.sql, statement.offset).start()
      this.current = result
      ran.push(result)
      this.update({ results: [...ran], shown: ran.length - 1 })
      const outcome = await result.finished()
      if (outcome.status !== 'done' || this.stopRequested) break
    }
    this.current = undefined
    this.update({ running: false })
    return ran
  }

  /** Stops the running statement and any after it. */
  cancel(): void {
    this.stopRequested = true
    void this.current?.cancel()
  }

  async explain(
    client: SluiceClient,
    connectionId: string,
    sql: string,
    analyze: boolean,
  ): Promise<void> {
    this.update({ plan: { status: 'loading', sql }, shown: 'plan' })
    try {
      const { plan } = await client.call('query.explain', { connectionId, sql, analyze })
      this.update({ plan: { status: 'done', sql, plan, analyzed: analyze } })
    } catch (error) {
      this.update({ plan: { status: 'error', sql, error: toErrorData(error) } })
    }
  }

  setLanguage(language: string): void {
    monaco.editor.setModelLanguage(this.model, language)
  }

  show(shown: QueryTabState['shown']): void {
    this.update({ shown })
  }

  markSaved(name: string): void {
    this.savedVersion = this.model.getAlternativeVersionId()
    this.update({ savedName: name, title: name, dirty: false })
  }

  /** Results belong to a connection; a new connection starts them afresh. */
  closeResults(): void {
    for (const result of this.state.results) result.close()
    if (this.state.results.length > 0 || this.state.plan)
      this.update({ results: [], shown: 0, plan: null })
  }

  dispose(): void {
    this.cancel()
    this.closeResults()
    this.model.dispose()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): QueryTabState => this.state

  private update(change: Partial<QueryTabState>): void {
    this.state = { ...this.state, ...change }
    for (const listener of this.listeners) listener()
  }
}

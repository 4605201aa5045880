import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { PlanNode } from '../../../shared/plan'
import { languageOf } from '../monaco/languageOf'
import { monaco } from '../monaco/monaco'
import { changesSchema } from '../schema/changesSchema'
import type { ConnectionSession } from '../workspace/ConnectionSession'
import type { SavedTab } from '../workspace/savedWorkspace'
import { nextTabId, type TabHeader, type WorkspaceTab } from '../workspace/Tab'
import { ResultSet } from './ResultSet'
import type { SqlEditorHandle } from './SqlEditor'

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
  /** Something to tell that is no statement's outcome: SQL the formatter cannot read, a failed save. */
  message: string | null
}

type SavedQuery = Extract<SavedTab, { kind: 'query' }>

/**
 * An editor tab: its text (a Monaco model, so undo survives tab switches and
 * the text survives the view), and the results of its last run, one per
 * statement. It runs on its connection's session.
 */
export class QueryTab implements WorkspaceTab {
  readonly id = nextTabId('query')
  readonly kind = 'query'
  readonly key = null
  readonly model: monaco.editor.ITextModel
  /** The editor showing this tab while it is shown; commands read the cursor through it. */
  editor: SqlEditorHandle | null = null
  /** Cursor, selection and scroll as the editor left them, for when the tab is shown again. */
  viewState: monaco.editor.ICodeEditorViewState | null = null
  private savedVersion: number
  private state: QueryTabState
  private readonly listeners = new Set<() => void>()
  private current: ResultSet | undefined
  private stopRequested = false
  private cachedHeader: TabHeader | undefined

  constructor(
    readonly session: ConnectionSession,
    saved: SavedQuery,
  ) {
    this.model = monaco.editor.createModel(saved.text, languageOf[session.dialect])
    // A tab restored with unsaved edits is still unsaved.
    this.savedVersion = saved.dirty ? -1 : this.model.getAlternativeVersionId()
    this.state = {
      title: saved.title || saved.savedName || `Query ${session.nextQueryNumber()}`,
      savedName: saved.savedName,
      dirty: saved.dirty,
      results: [],
      shown: 0,
      plan: null,
      running: false,
      message: null,
    }
    this.model.onDidChangeContent(() => {
      // The alternative version id comes back to the saved one when edits are undone.
      const dirty = this.model.getAlternativeVersionId() !== this.savedVersion
      if (dirty !== this.state.dirty) this.update({ dirty })
    })
  }

  /** Runs the selection, or the statement under the cursor. */
  runCurrent(): Promise<ResultSet[]> {
    const statement = this.editor?.currentStatement()
    return this.run(statement ? [statement] : [])
  }

  /** Runs every statement of the selection, or of the whole text. */
  runAll(): Promise<ResultSet[]> {
    return this.run(this.editor?.allStatements() ?? [])
  }

  /** Runs statements in order, each into its own result, stopping at the first that fails. */
  async run(statements: Statement[]): Promise<ResultSet[]> {
    const connectionId = this.session.connectionId
    if (this.state.running || statements.length === 0) return []
    if (!connectionId) {
      this.update({ message: 'Not connected: reconnect this connection first' })
      return []
    }
    this.editor?.clearMarks()
    this.closeResults()
    this.stopRequested = false
    this.update({ results: [], shown: 0, plan: null, running: true, message: null })
    const ran: ResultSet[] = []
    for (const [index, statement] of statements.entries()) {
      const result = new ResultSet(
        this.session.client,
        connectionId,
        statement.sql,
        statement.offset,
      ).start()
      this.current = result
      ran.push(result)
      this.update({ results: [...ran], shown: ran.length - 1 })
      const outcome = await result.finished()
      if (outcome.status !== 'done' || this.stopRequested) {
        const left = statements.length - index - 1
        if (left > 0)
          this.update({
            message: `Stopped at statement ${index + 1} of ${statements.length}: ${left === 1 ? 'the one after it' : `the ${left} after it`} did not run`,
          })
        break
      }
    }
    this.current = undefined
    this.update({ running: false })
    this.session.noteActivity()
    // The tree and completion follow DDL run here.
    if (ran.some((r) => r.getSnapshot().status === 'done' && changesSchema(r.sql)))
      this.session.schemaChanged()
    const failed = ran.find((r) => r.getSnapshot().error?.position !== undefined)
    const position = failed?.getSnapshot().error?.position
    if (failed && position !== undefined)
      this.editor?.markError(failed.offset + position - 1, failed.getSnapshot().error!.message)
    return ran
  }

  /** Stops the running statement and any after it. */
  cancel(): void {
    this.stopRequested = true
    void this.current?.cancel()
  }

  /** The plan of the statement under the cursor; `analyze` runs it (rolled back). */
  async explain(analyze: boolean): Promise<void> {
    const sql = this.editor?.currentStatement()?.sql
    const connectionId = this.session.connectionId
    if (!sql || !connectionId) return
    this.update({ plan: { status: 'loading', sql }, shown: 'plan' })
    try {
      const { plan } = await this.session.client.call('query.explain', {
        connectionId,
        sql,
        analyze,
      })
      this.update({ plan: { status: 'done', sql, plan, analyzed: analyze } })
    } catch (error) {
      this.update({ plan: { status: 'error', sql, error: toErrorData(error) } })
    }
  }

  /** Formats the selection or everything; SQL the formatter cannot read is said, not changed. */
  format(): void {
    try {
      this.editor?.format()
      this.update({ message: null })
    } catch (error) {
      const first = error instanceof Error ? error.message.split('\n')[0] : String(error)
      this.update({ message: `Cannot format this SQL: ${first}` })
    }
  }

  /** Writes the text to the saved query `name`. */
  async saveAs(name: string): Promise<boolean> {
    try {
      await this.session.client.call('savedQueries.write', { name, text: this.model.getValue() })
      this.savedVersion = this.model.getAlternativeVersionId()
      this.update({ savedName: name, title: name, dirty: false, message: null })
      this.session.noteActivity()
      return true
    } catch (error) {
      this.update({ message: toErrorData(error).message })
      return false
    }
  }

  /** Says something in the tab's status bar that is no statement's outcome. */
  note(message: string): void {
    this.update({ message })
  }

  show(shown: QueryTabState['shown']): void {
    this.update({ shown })
  }

  /** Results belong to one run; the next run, or closing the tab, lets the engine drop them. */
  closeResults(): void {
    for (const result of this.state.results) result.close()
    if (this.state.results.length > 0 || this.state.plan)
      this.update({ results: [], shown: 0, plan: null })
  }

  header(): TabHeader {
    this.cachedHeader ??= {
      title: this.state.title,
      detail: this.state.savedName ? `Saved query ${this.state.savedName}` : undefined,
      dirty: this.state.dirty,
      busy: this.state.running,
    }
    return this.cachedHeader
  }

  subscribeHeader = (listener: () => void): (() => void) => this.subscribe(listener)

  onChange(listener: () => void): () => void {
    const content = this.model.onDidChangeContent(listener)
    const state = this.subscribe(listener)
    return () => {
      content.dispose()
      state()
    }
  }

  save(): SavedQuery {
    return {
      kind: 'query',
      title: this.state.title,
      savedName: this.state.savedName,
      text: this.model.getValue(),
      dirty: this.state.dirty,
    }
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
    this.cachedHeader = undefined
    for (const listener of [...this.listeners]) listener()
  }
}

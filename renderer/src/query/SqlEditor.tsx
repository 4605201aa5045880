import { useEffect, useRef } from 'react'
import { format, type SqlLanguage } from 'sql-formatter'
import type { DialectName } from '../../../shared/connectionUrl'
import { splitStatements, statementAt } from '../../../shared/sql/splitStatements'
import { monaco } from '../monaco/monaco'
import type { QueryTab, Statement } from './QueryTab'

/** What a query tab asks of the editor showing it. */
export interface SqlEditorHandle {
  /** The selection if there is one, else the statement under the cursor. */
  currentStatement(): Statement | undefined
  /** Every statement of the selection if there is one, else of the whole text. */
  allStatements(): Statement[]
  /** Formats the selection, or everything; one undo step. Throws what sql-formatter says on SQL it cannot read. */
  format(): void
  /** Underlines the character at `offset` (0-based, in the editor's text) with `message`. */
  markError(offset: number, message: string): void
  clearMarks(): void
  focus(): void
}

interface Props {
  tab: QueryTab
  dialect: DialectName
}

const formatterLanguage: Record<DialectName, SqlLanguage> = {
  sqlite: 'sqlite',
  postgres: 'postgresql',
  mysql: 'mysql',
}

/**
 * The Monaco editor of one query tab. Its shortcuts (run, format, save…) are
 * the workspace's commands, caught before Monaco sees the keys; the editor
 * lends the tab its cursor and selection through `tab.editor`.
 */
export function SqlEditor({ tab, dialect }: Props) {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const instance = monaco.editor.create(host.current!, {
      model: tab.model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: 'SQL editor',
    })
    if (tab.viewState) instance.restoreViewState(tab.viewState)
    const handle = editorHandle(instance, dialect)
    tab.editor = handle
    return () => {
      tab.viewState = instance.saveViewState()
      if (tab.editor === handle) tab.editor = null
      instance.dispose()
    }
  }, [tab, dialect])

  return <div className="editor" ref={host} data-testid="sql-editor" />
}

function editorHandle(
  instance: monaco.editor.IStandaloneCodeEditor,
  dialect: DialectName,
): SqlEditorHandle {
  const parts = () => {
    const model = instance.getModel()!
    const selection = instance.getSelection()
    const selected = selection && !selection.isEmpty() ? selection : null
    return { model, selected }
  }
  return {
    currentStatement() {
      const { model, selected } = parts()
      if (selected) {
        const text = model.getValueInRange(selected)
        const lead = text.length - text.trimStart().length
        if (!text.trim()) return undefined
        return { sql: text.trim(), offset: model.getOffsetAt(selected.getStartPosition()) + lead }
      }
      const cursor = model.getOffsetAt(instance.getPosition() ?? { lineNumber: 1, column: 1 })
      const span = statementAt(model.getValue(), cursor, dialect)
      return span ? { sql: span.text, offset: span.start } : undefined
    },
    allStatements() {
      const { model, selected } = parts()
      const base = selected ? model.getOffsetAt(selected.getStartPosition()) : 0
      const text = selected ? model.getValueInRange(selected) : model.getValue()
      return splitStatements(text, dialect).map((s) => ({ sql: s.text, offset: base + s.start }))
    },
    format() {
      const { model, selected } = parts()
      const range = selected ?? model.getFullModelRange()
      const formatted = format(model.getValueInRange(range), {
        language: formatterLanguage[dialect],
        keywordCase: 'upper',
      })
      instance.pushUndoStop()
      instance.executeEdits('format', [{ range, text: formatted }])
      instance.pushUndoStop()
    },
    markError(offset, message) {
      const model = instance.getModel()!
      const start = model.getPositionAt(offset)
      const word = model.getWordAtPosition(start)
      monaco.editor.setModelMarkers(model, 'sluice', [
        {
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: start.lineNumber,
          endColumn: word ? word.endColumn : start.column + 1,
        },
      ])
      instance.revealPositionInCenterIfOutsideViewport(start)
    },
    clearMarks() {
      const model = instance.getModel()
      if (model) monaco.editor.setModelMarkers(model, 'sluice', [])
    },
    focus() {
      instance.focus()
    },
  }
}

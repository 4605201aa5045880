import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { format, type SqlLanguage } from 'sql-formatter'
import type { DialectName } from '../../../shared/connectionUrl'
import { splitStatements, statementAt } from '../../../shared/sql/splitStatements'
import { monaco } from '../monaco/monaco'
import type { QueryTab, Statement } from '../query/QueryTab'

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

export interface EditorCommands {
  run(): void
  runAll(): void
  cancel(): void
  save(): void
  format(): void
}

interface Props {
  tab: QueryTab
  dialect: DialectName
  commands: EditorCommands
}

const formatterLanguage: Record<DialectName, SqlLanguage> = {
  sqlite: 'sqlite',
  postgres: 'postgresql',
  mysql: 'mysql',
}

/** One Monaco editor; each query tab brings its own model, so text, undo and cursor stay with the tab. */
export const SqlEditor = forwardRef<SqlEditorHandle, Props>(function SqlEditor(
  { tab, dialect, commands },
  ref,
) {
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<monaco.editor.IStandaloneCodeEditor>(undefined)
  const latest = useRef({ commands, dialect })
  latest.current = { commands, dialect }

  useEffect(() => {
    const instance = monaco.editor.create(host.current!, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: 'SQL editor',
    })
    const { KeyMod, KeyCode } = monaco
    const on = (keys: number, command: keyof EditorCommands) =>
      instance.addCommand(keys, () => latest.current.commands[command]())
    on(KeyMod.CtrlCmd | KeyCode.Enter, 'run')
    on(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.Enter, 'runAll')
    on(KeyMod.CtrlCmd | KeyCode.Period, 'cancel')
    on(KeyMod.CtrlCmd | KeyCode.KeyS, 'save')
    on(KeyMod.Shift | KeyMod.Alt | KeyCode.KeyF, 'format')
    editor.current = instance
    return () => instance.dispose()
  }, [])

  useEffect(() => {
    const instance = editor.current!
    instance.setModel(tab.model)
    if (tab.viewState) instance.restoreViewState(tab.viewState)
    instance.focus()
    return () => {
      tab.viewState = instance.saveViewState()
    }
  }, [tab])

  useImperativeHandle(ref, () => {
    const parts = () => {
      const instance = editor.current!
      const model = instance.getModel()!
      const selection = instance.getSelection()
      const selected = selection && !selection.isEmpty() ? selection : null
      return { instance, model, selected }
    }
    return {
      currentStatement() {
        const { instance, model, selected } = parts()
        if (selected) {
          const text = model.getValueInRange(selected)
          const lead = text.length - text.trimStart().length
          if (!text.trim()) return undefined
          return { sql: text.trim(), offset: model.getOffsetAt(selected.getStartPosition()) + lead }
        }
        const cursor = model.getOffsetAt(instance.getPosition() ?? { lineNumber: 1, column: 1 })
        const span = statementAt(model.getValue(), cursor, latest.current.dialect)
        return span ? { sql: span.text, offset: span.start } : undefined
      },
      allStatements() {
        const { model, selected } = parts()
        const base = selected ? model.getOffsetAt(selected.getStartPosition()) : 0
        const text = selected ? model.getValueInRange(selected) : model.getValue()
        return splitStatements(text, latest.current.dialect).map((s) => ({
          sql: s.text,
          offset: base + s.start,
        }))
      },
      format() {
        const { instance, model, selected } = parts()
        const range = selected ?? model.getFullModelRange()
        const formatted = format(model.getValueInRange(range), {
          language: formatterLanguage[latest.current.dialect],
          keywordCase: 'upper',
        })
        instance.pushUndoStop()
        instance.executeEdits('format', [{ range, text: formatted }])
        instance.pushUndoStop()
      },
      markError(offset, message) {
        const { instance, model } = parts()
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
        monaco.editor.setModelMarkers(parts().model, 'sluice', [])
      },
      focus() {
        editor.current?.focus()
      },
    }
  })

  return <div className="editor" ref={host} data-testid="sql-editor" />
})

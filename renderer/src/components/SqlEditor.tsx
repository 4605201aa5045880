import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import type { DialectName } from '../../../shared/connectionUrl'
import { statementAt } from '../../../shared/sql/splitStatements'
import { languageOf } from '../monaco/languageOf'
import { monaco } from '../monaco/monaco'

export interface RunTarget {
  sql: string
  /** Offset of `sql` in the editor's text. */
  offset: number
}

export interface SqlEditorHandle {
  /** The selection if there is one, else the statement under the cursor. */
  runTarget(): RunTarget | undefined
  setText(text: string): void
  /** Underlines the character at `offset` (0-based, in the editor's text) with `message`. */
  markError(offset: number, message: string): void
  clearMarks(): void
}

interface Props {
  dialect: DialectName
  initialText: string
  onRun(): void
}

export const SqlEditor = forwardRef<SqlEditorHandle, Props>(function SqlEditor(
  { dialect, initialText, onRun },
  ref,
) {
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<monaco.editor.IStandaloneCodeEditor>(undefined)
  const run = useRef(onRun)
  run.current = onRun
  const dialectRef = useRef(dialect)
  dialectRef.current = dialect

  useEffect(() => {
    const instance = monaco.editor.create(host.current!, {
      value: initialText,
      language: languageOf[dialect],
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: 'SQL editor',
    })
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => run.current())
    editor.current = instance
    return () => instance.dispose()
    // The editor is created once; later prop changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const model = editor.current?.getModel()
    if (model) monaco.editor.setModelLanguage(model, languageOf[dialect])
  }, [dialect])

  useImperativeHandle(ref, () => ({
    runTarget() {
      const instance = editor.current
      const model = instance?.getModel()
      if (!instance || !model) return undefined
      const selection = instance.getSelection()
      if (selection && !selection.isEmpty()) {
        const text = model.getValueInRange(selection)
        const lead = text.length - text.trimStart().length
        return { sql: text.trim(), offset: model.getOffsetAt(selection.getStartPosition()) + lead }
      }
      const text = model.getValue()
      const cursor = model.getOffsetAt(instance.getPosition() ?? { lineNumber: 1, column: 1 })
      const span = statementAt(text, cursor, dialectRef.current)
      return span ? { sql: span.text, offset: span.start } : undefined
    },
    setText(text) {
      editor.current?.setValue(text)
    },
    markError(offset, message) {
      const model = editor.current?.getModel()
      if (!model) return
      const start = model.getPositionAt(offset)
      const word = model.getWordAtPosition(start)
      const end = word
        ? { lineNumber: start.lineNumber, column: word.endColumn }
        : { lineNumber: start.lineNumber, column: start.column + 1 }
      monaco.editor.setModelMarkers(model, 'sluice', [
        {
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        },
      ])
      editor.current?.revealPositionInCenterIfOutsideViewport(start)
    },
    clearMarks() {
      const model = editor.current?.getModel()
      if (model) monaco.editor.setModelMarkers(model, 'sluice', [])
    },
  }))

  return <div className="editor" ref={host} data-testid="sql-editor" />
})

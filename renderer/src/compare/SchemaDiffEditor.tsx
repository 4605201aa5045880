import { useEffect, useRef } from 'react'
import type { DialectName } from '../../../shared/connectionUrl'
import { languageOf } from '../monaco/languageOf'
import { monaco } from '../monaco/monaco'

interface Props {
  dialect: DialectName
  from: string
  to: string
}

/** The two schemas' DDL side by side, read-only, with Monaco's own line diff. */
export function SchemaDiffEditor({ dialect, from, to }: Props) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const original = monaco.editor.createModel(from, languageOf[dialect])
    const modified = monaco.editor.createModel(to, languageOf[dialect])
    const editor = monaco.editor.createDiffEditor(host.current!, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      renderSideBySide: true,
      // Thousands of unchanged lines fold away, so the changes are what shows.
      hideUnchangedRegions: { enabled: true },
      originalAriaLabel: 'Schema before',
      modifiedAriaLabel: 'Schema after',
    })
    editor.setModel({ original, modified })
    return () => {
      editor.dispose()
      original.dispose()
      modified.dispose()
    }
  }, [dialect, from, to])
  return <div className="schema-diff" ref={host} data-testid="schema-diff" />
}

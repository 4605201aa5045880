import { useEffect, useRef } from 'react'
import type { DialectName } from '../../../shared/connectionUrl'
import { monaco } from '../monaco/monaco'
import { languageOf } from '../monaco/languageOf'

interface Props {
  dialect: DialectName
  ddl: string
  /** What a screen reader calls it; the DDL of a table unless said otherwise. */
  label?: string
}

/** SQL shown, not edited: an object's CREATE statements or a migration's file, highlighted. */
export function DdlViewer({ dialect, ddl, label = 'DDL' }: Props) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const instance = monaco.editor.create(host.current!, {
      value: ddl,
      language: languageOf[dialect],
      readOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: label,
    })
    return () => instance.dispose()
  }, [dialect, ddl, label])
  return <div className="ddl-viewer" ref={host} data-testid="ddl-viewer" />
}

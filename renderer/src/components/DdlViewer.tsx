import { useEffect, useRef } from 'react'
import type { DialectName } from '../../../shared/connectionUrl'
import { monaco } from '../monaco/monaco'
import { languageOf } from '../monaco/languageOf'

interface Props {
  dialect: DialectName
  ddl: string
}

/** The CREATE statements of one object, highlighted, in a read-only editor. */
export function DdlViewer({ dialect, ddl }: Props) {
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
      ariaLabel: 'DDL',
    })
    return () => instance.dispose()
  }, [dialect, ddl])
  return <div className="ddl-viewer" ref={host} data-testid="ddl-viewer" />
}

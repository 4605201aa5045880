import type { CompareSource } from '../../../shared/compareContract'
import type { ConnectionInfo } from '../../../shared/contract'

export type SourceKind = CompareSource['kind']

interface Props {
  label: string
  connection: ConnectionInfo
  kind: SourceKind
  path: string
  onChange(kind: SourceKind, path: string): void
}

const kindLabels: Record<SourceKind, string> = {
  connection: 'This connection',
  sqlFile: 'Schema file (.sql)',
  folder: 'Migration folder',
  snapshot: 'Snapshot (.json)',
}

/** One side of a comparison: the open connection, or a file or folder on this machine. */
export function SourcePicker({ label, connection, kind, path, onChange }: Props) {
  return (
    <fieldset className="source-picker">
      <legend>{label}</legend>
      <select
        aria-label={`${label} kind`}
        value={kind}
        onChange={(e) => onChange(e.target.value as SourceKind, path)}
      >
        {Object.entries(kindLabels).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {kind === 'connection' ? (
        <span className="muted">{connection.title}</span>
      ) : (
        <input
          aria-label={`${label} path`}
          value={path}
          placeholder="/path/on/this/machine"
          onChange={(e) => onChange(kind, e.target.value)}
        />
      )}
    </fieldset>
  )
}

/** The contract's source for a picker's state; null while a path is still empty. */
export function sourceOf(
  kind: SourceKind,
  path: string,
  connectionId: string,
): CompareSource | null {
  if (kind === 'connection') return { kind, connectionId }
  return path.trim() ? { kind, path: path.trim() } : null
}

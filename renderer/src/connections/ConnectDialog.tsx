import { useState } from 'react'
import {
  defaultPorts,
  formatConnectionUrl,
  parseConnectionUrl,
  type DialectName,
} from '../../../shared/connectionUrl'
import { toErrorData, type SluiceErrorData } from '../../../shared/errors'
import type { SluiceClient } from '../../../shared/transport'
import { ErrorPanel } from '../errors/ErrorPanel'
import { Dialog } from '../workspace/Dialog'

interface Props {
  client: SluiceClient
  onConnect(url: string): Promise<void>
  onClose(): void
  /** A URL to start from: a restored connection that needs its password again. */
  initialUrl?: string
  /** Why the dialog opened, when it is not a new connection. */
  reason?: string
}

interface Fields {
  dialect: DialectName
  host: string
  port: string
  user: string
  password: string
  database: string
  file: string
}

const emptyFields: Fields = {
  dialect: 'postgres',
  host: '127.0.0.1',
  port: '5432',
  user: 'postgres',
  password: '',
  database: '',
  file: '',
}

/** Paste a URL or fill in fields; Test checks the connection without opening it. */
export function ConnectDialog({ client, onConnect, onClose, initialUrl, reason }: Props) {
  const [mode, setMode] = useState<'url' | 'fields'>('url')
  const [url, setUrl] = useState(initialUrl ?? '')
  const [fields, setFields] = useState<Fields>(() => fieldsOf(initialUrl) ?? emptyFields)
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null)
  const [outcome, setOutcome] = useState<{ ok: string } | { error: SluiceErrorData } | null>(null)

  const currentUrl = (): string => {
    if (mode === 'url') return url.trim()
    if (fields.dialect === 'sqlite')
      return formatConnectionUrl({ dialect: 'sqlite', file: fields.file })
    return formatConnectionUrl({
      dialect: fields.dialect,
      host: fields.host,
      port: Number(fields.port) || defaultPorts[fields.dialect],
      user: fields.user,
      password: fields.password,
      database: fields.database,
      sslMode: 'prefer',
    })
  }

  const attempt = async (action: 'test' | 'connect') => {
    setBusy(action)
    setOutcome(null)
    try {
      const target = currentUrl()
      parseConnectionUrl(target)
      if (action === 'test') {
        const result = await client.call('connection.test', { url: target })
        setOutcome({ ok: `Connected: ${result.serverVersion}` })
      } else {
        await onConnect(target)
      }
    } catch (error) {
      setOutcome({
        error: toErrorData(error),
      })
    } finally {
      setBusy(null)
    }
  }

  const field = (name: keyof Fields, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={fields[name]}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
      />
    </label>
  )

  return (
    <Dialog label="Connect to a database" heading="Connect" onClose={onClose}>
      {reason && <p className="muted">{reason}</p>}
      <div className="dialog-tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'url'} onClick={() => setMode('url')}>
          URL
        </button>
        <button role="tab" aria-selected={mode === 'fields'} onClick={() => setMode('fields')}>
          Fields
        </button>
      </div>
      {mode === 'url' ? (
        <label>
          Connection URL
          <input
            autoFocus
            placeholder="postgres://user:password@host:5432/db, mysql://…, sqlite:path/to.db"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
      ) : (
        <div className="dialog-fields">
          <label>
            Database
            <select
              value={fields.dialect}
              onChange={(e) => {
                const dialect = e.target.value as DialectName
                setFields({
                  ...fields,
                  dialect,
                  port: dialect === 'sqlite' ? '' : String(defaultPorts[dialect]),
                  user: dialect === 'mysql' ? 'root' : 'postgres',
                })
              }}
            >
              <option value="postgres">PostgreSQL</option>
              <option value="mysql">MySQL / MariaDB</option>
              <option value="sqlite">SQLite</option>
            </select>
          </label>
          {fields.dialect === 'sqlite' ? (
            field('file', 'File')
          ) : (
            <>
              {field('host', 'Host')}
              {field('port', 'Port')}
              {field('user', 'User')}
              {field('password', 'Password', 'password')}
              {field('database', 'Database name')}
            </>
          )}
        </div>
      )}
      {busy && (
        <div className="busy-text" role="status">
          {busy === 'test' ? 'Testing the connection…' : 'Connecting…'}
        </div>
      )}
      {outcome &&
        ('ok' in outcome ? (
          <div className="ok-text">{outcome.ok}</div>
        ) : (
          <ErrorPanel error={outcome.error} />
        ))}
      <div className="dialog-buttons">
        <button onClick={() => void attempt('test')} disabled={busy !== null}>
          Test
        </button>
        <button
          className="primary"
          onClick={() => void attempt('connect')}
          disabled={busy !== null}
        >
          Connect
        </button>
        <button onClick={onClose}>Close</button>
      </div>
    </Dialog>
  )
}

/** A URL's parts as the Fields tab shows them, so reconnecting by fields keeps its server. */
function fieldsOf(url: string | undefined): Fields | null {
  if (!url) return null
  try {
    const target = parseConnectionUrl(url)
    if (target.dialect === 'sqlite')
      return { ...emptyFields, dialect: 'sqlite', port: '', file: target.file }
    return {
      dialect: target.dialect,
      host: target.host,
      port: String(target.port),
      user: target.user,
      password: target.password,
      database: target.database,
      file: '',
    }
  } catch {
    return null
  }
}

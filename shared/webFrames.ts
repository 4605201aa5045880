import type { CallResult, SluiceEvent } from './contract'
import type { SluiceErrorData } from './errors'

/**
 * The web transport's messages. Most are one JSON text frame. A reply that is
 * one long string field (a window of result rows, itself JSON) goes as a
 * binary frame instead: a JSON header line naming the field, then the
 * string's UTF-8 bytes. Nested in a JSON frame, every quote of that string
 * would be escaped by the server and unescaped by the page, and for a scroll
 * through a large result that doubled the transport's work.
 */
export type ServerFrame =
  | { event: SluiceEvent }
  | ({ id: number | null } & (
      { ok: true; result: unknown } | { ok: false; error: SluiceErrorData }
    ))

// Made once: a reply frame is encoded and decoded for every page of rows scrolled.
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Strings shorter than this stay inside a JSON frame; the split is not worth it. */
const rawStringMinLength = 4096

interface RawHeader {
  id: number | null
  ok: true
  /** The result's one field, whose value is the rest of the frame. */
  field: string
}

export function encodeReply(id: number | null, reply: CallResult): string | Uint8Array {
  const field = reply.ok ? longStringField(reply.result) : undefined
  if (!reply.ok || field === undefined) return JSON.stringify({ id, ...reply })
  const header: RawHeader = { id, ok: true, field }
  const text = (reply.result as Record<string, string>)[field]!
  return encoder.encode(`${JSON.stringify(header)}\n${text}`)
}

export function decodeFrame(data: string | ArrayBuffer | Uint8Array): ServerFrame {
  if (typeof data === 'string') return JSON.parse(data) as ServerFrame
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const newline = bytes.indexOf(0x0a)
  const header = JSON.parse(decoder.decode(bytes.subarray(0, newline))) as RawHeader
  return {
    id: header.id,
    ok: true,
    result: { [header.field]: decoder.decode(bytes.subarray(newline + 1)) },
  }
}

function longStringField(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined
  const keys = Object.keys(result)
  if (keys.length !== 1) return undefined
  const value = (result as Record<string, unknown>)[keys[0]!]
  return typeof value === 'string' && value.length >= rawStringMinLength ? keys[0] : undefined
}

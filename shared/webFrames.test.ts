import { describe, expect, it } from 'vitest'
import { decodeFrame, encodeReply } from './webFrames'

describe('web transport frames', () => {
  const rowsJson = JSON.stringify(
    Array.from({ length: 300 }, (_, i) => [i, `quote " back \\ newline \n é 🐘 ${i}`]),
  )

  it('sends a reply that is one long string as bytes and reads it back unchanged', () => {
    const frame = encodeReply(7, { ok: true, result: { rowsJson } })
    expect(frame).toBeInstanceOf(Uint8Array)
    // The string's own bytes follow the header line, not an escaped copy of them.
    expect((frame as Uint8Array).length).toBeLessThan(Buffer.byteLength(rowsJson) + 100)
    expect(decodeFrame((frame as Uint8Array).slice().buffer)).toEqual({
      id: 7,
      ok: true,
      result: { rowsJson },
    })
  })

  it('keeps short strings, other results and errors in JSON text', () => {
    for (const reply of [
      { ok: true as const, result: { rowsJson: '[[1]]' } },
      { ok: true as const, result: { rowsJson, other: 1 } },
      { ok: false as const, error: { code: 'SQL_ERROR' as const, message: rowsJson } },
    ]) {
      const frame = encodeReply(3, reply)
      expect(typeof frame).toBe('string')
      expect(decodeFrame(frame)).toEqual({ id: 3, ...reply })
    }
  })
})

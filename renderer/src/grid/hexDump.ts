/** Bytes a hex dump shows; past this the value panel says how many it left out. */
export const maxDumpBytes = 64 * 1024

const bytesPerLine = 16

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * The classic dump, one line per 16 bytes: the offset in hex, the bytes in hex
 * (a wider gap after the eighth), and the printable ASCII with dots for the
 * rest, e.g. `00000000  de ad be ef                                       |....|`.
 * Stops after `limit` bytes.
 */
export function hexDump(bytes: Uint8Array, limit = maxDumpBytes): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, limit)
  for (let offset = 0; offset < end; offset += bytesPerLine) {
    const line = bytes.subarray(offset, Math.min(end, offset + bytesPerLine))
    let hex = ''
    let ascii = ''
    for (let i = 0; i < bytesPerLine; i++) {
      const byte = line[i]
      hex += (i === 8 ? '  ' : i > 0 ? ' ' : '') + (byte === undefined ? '  ' : hexByte(byte))
      if (byte !== undefined) ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'
    }
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex}  |${ascii}|`)
  }
  return lines.join('\n')
}

function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}

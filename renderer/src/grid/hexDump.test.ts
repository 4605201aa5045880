import { describe, expect, it } from 'vitest'
import { base64ToBytes, hexDump } from './hexDump'

describe('hexDump', () => {
  it('prints offset, hex and ASCII for a short value', () => {
    expect(hexDump(base64ToBytes(btoa('\xde\xad\xbe\xefAB')))).toBe(
      '00000000  de ad be ef 41 42' + ' '.repeat(31) + '  |....AB|',
    )
  })

  it('breaks lines at 16 bytes with a gap after the eighth', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => 0x61 + i)
    const lines = hexDump(bytes).split('\n')
    expect(lines).toEqual([
      '00000000  61 62 63 64 65 66 67 68  69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|',
      '00000010  71 72 73 74' + ' '.repeat(37) + '  |qrst|',
    ])
    expect(lines[0]!.length).toBe(lines[1]!.length + 12)
  })

  it('stops at the limit and prints nothing for no bytes', () => {
    expect(hexDump(new Uint8Array(100), 32).split('\n')).toHaveLength(2)
    expect(hexDump(new Uint8Array(0))).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import { webClient } from './webClient'

/** A socket that opens, then closes when told: what a server restart looks like to a page. */
class ClosingSocket extends EventTarget {
  readonly OPEN = 1
  readyState = 0
  binaryType = 'blob'
  sent: string[] = []

  constructor() {
    super()
    queueMicrotask(() => {
      this.readyState = 1
      this.dispatchEvent(new Event('open'))
    })
  }

  send(text: string) {
    // A closed socket drops what is sent, as browsers do.
    if (this.readyState === 1) this.sent.push(text)
  }

  close() {
    this.readyState = 3
    this.dispatchEvent(new Event('close'))
  }
}

describe('the web client', () => {
  it('fails a call made after the socket closed, rather than waiting for ever', async () => {
    const socket = new ClosingSocket()
    const client = webClient({ protocol: 'http:', host: '127.0.0.1:1' }, () => socket as never)
    await new Promise((resolve) => setTimeout(resolve, 0))
    socket.close()
    await expect(client.call('app.info', {})).rejects.toMatchObject({
      data: { code: 'UNREACHABLE', message: expect.stringContaining('still running') },
    })
    expect(socket.sent).toEqual([])
  })

  it('fails a call that was waiting when the socket closed', async () => {
    const socket = new ClosingSocket()
    const client = webClient({ protocol: 'http:', host: '127.0.0.1:1' }, () => socket as never)
    const waiting = client.call('app.info', {})
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(socket.sent).toHaveLength(1)
    socket.close()
    await expect(waiting).rejects.toMatchObject({ data: { code: 'UNREACHABLE' } })
  })
})

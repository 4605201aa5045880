import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs'
import type { Cell } from '../../shared/cells'

/** Parsed blocks kept for the windows the grid asks for next; they are usually the same or adjacent. */
const cachedBlocks = 4

/**
 * One result's rows on disk, so memory does not grow with the result: each
 * batch is appended as one JSON block, and only the blocks' positions stay in
 * memory (24 bytes per 1,000 rows). Spilling was chosen over paging an open
 * cursor because MySQL and SQLite cursors only go forward, an open cursor
 * keeps the connection busy for as long as the tab is open, and a file lets
 * the grid jump anywhere at once.
 *
 * The file is written and read synchronously: blocks are small, land in the
 * page cache, and a window read must see every block appended before it.
 */
export class ResultSpill {
  rowCount = 0
  private readonly fd: number
  private bytes = 0
  private blocks = 0
  private firstRow = new Float64Array(256)
  private offset = new Float64Array(256)
  private length = new Float64Array(256)
  private readonly cache = new Map<number, Cell[][]>()
  private closed = false

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'w+', 0o600)
    // POSIX keeps an unlinked file's data until its descriptor closes, so even a crash leaves nothing behind.
    if (process.platform !== 'win32') unlinkSync(path)
  }

  /** Appends `count` rows given as the JSON text of their cells, stored as they are. */
  append(json: string, count: number): void {
    if (count === 0) return
    const length = writeSync(this.fd, json, this.bytes, 'utf8')
    if (this.blocks === this.firstRow.length) this.grow()
    this.firstRow[this.blocks] = this.rowCount
    this.offset[this.blocks] = this.bytes
    this.length[this.blocks] = length
    this.blocks++
    this.bytes += length
    this.rowCount += count
  }

  /** Rows `start` to `start + limit`, or fewer past the end. */
  read(start: number, limit: number): Cell[][] {
    const end = Math.min(this.rowCount, start + limit)
    const rows: Cell[][] = []
    for (let b = this.blockOf(start); start < end; b++) {
      const block = this.block(b)
      const first = this.firstRow[b]!
      const stop = Math.min(end - first, block.length)
      for (let i = start - first; i < stop; i++) rows.push(block[i]!)
      start = first + stop
    }
    return rows
  }

  /**
   * The same rows as JSON text. Whole blocks are copied from the file as they
   * were written; only a block the window cuts through is parsed.
   */
  readJson(start: number, limit: number): string {
    const end = Math.min(this.rowCount, start + limit)
    const parts: string[] = []
    for (let b = this.blockOf(start); start < end; b++) {
      const first = this.firstRow[b]!
      const blockEnd = b + 1 < this.blocks ? this.firstRow[b + 1]! : this.rowCount
      const stop = Math.min(end, blockEnd)
      if (start === first && stop === blockEnd) {
        // A stored block is `[row,row,…]`: its inside joins with the next block's.
        const text = this.blockText(b)
        parts.push(text.slice(1, -1))
      } else
        parts.push(JSON.stringify(this.block(b).slice(start - first, stop - first)).slice(1, -1))
      start = stop
    }
    return `[${parts.join(',')}]`
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.cache.clear()
    closeSync(this.fd)
    if (process.platform === 'win32') unlinkSync(this.path)
  }

  /** The block holding row `row`: a binary search over the blocks' first rows. */
  private blockOf(row: number): number {
    let low = 0
    let high = this.blocks - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.firstRow[mid]! <= row) low = mid
      else high = mid - 1
    }
    return low
  }

  private blockText(b: number): string {
    const buffer = Buffer.allocUnsafe(this.length[b]!)
    readSync(this.fd, buffer, 0, buffer.length, this.offset[b]!)
    return buffer.toString('utf8')
  }

  private block(b: number): Cell[][] {
    const cached = this.cache.get(b)
    if (cached) return cached
    const rows = JSON.parse(this.blockText(b)) as Cell[][]
    if (this.cache.size >= cachedBlocks) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(b, rows)
    return rows
  }

  private grow(): void {
    const widen = (from: Float64Array) => {
      const to = new Float64Array(from.length * 2)
      to.set(from)
      return to
    }
    this.firstRow = widen(this.firstRow)
    this.offset = widen(this.offset)
    this.length = widen(this.length)
  }
}

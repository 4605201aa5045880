import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { once } from 'node:events'
import type { Cell } from '../../shared/cells'
import type { ColumnInfo } from '../../shared/contract'
import { SluiceError } from '../../shared/errors'
import type { RowFormatter } from '../../shared/export/formats'

/** Where an export's rows come from: a result already spilled, or a table read through a cursor. */
export type ExportSource = AsyncIterable<{ columns: ColumnInfo[] } | { rows: Cell[][] }>

export interface ExportProgress {
  rows: number
  bytes: number
}

/**
 * Writes a source to a file batch by batch, waiting whenever the disk falls
 * behind, so memory holds one batch whatever the size. Missing folders on the
 * way are created, as the default export folder may not exist yet. A
 * cancelled or failed export leaves no partial file behind. Throws
 * BAD_REQUEST when the file exists and `overwrite` is false, NOT_FOUND when
 * its folder cannot be made (a file stands in the way), CANCELLED on abort.
 */
export async function writeExport(options: {
  source: ExportSource
  formatter: RowFormatter
  path: string
  overwrite: boolean
  signal: AbortSignal
  onProgress(progress: ExportProgress): void
}): Promise<ExportProgress> {
  const { source, formatter, path, signal } = options
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    const why = String((error as { code?: unknown }).code ?? (error as Error).message)
    throw new SluiceError({
      code: 'NOT_FOUND',
      message: `Cannot create the folder ${dirname(path)} (${why}); choose another folder`,
    })
  })
  const file = createWriteStream(path, { flags: options.overwrite ? 'w' : 'wx' })
  const progress: ExportProgress = { rows: 0, bytes: 0 }
  const write = async (text: string) => {
    if (!text) return
    progress.bytes += Buffer.byteLength(text)
    if (!file.write(text)) await drained(file)
  }
  try {
    await once(file, 'open')
    let started = false
    for await (const piece of source) {
      if (signal.aborted) throw new SluiceError({ code: 'CANCELLED', message: 'Export cancelled' })
      if ('columns' in piece) {
        await write(formatter.start(piece.columns))
        started = true
      } else {
        await write(formatter.rows(piece.rows))
        progress.rows += piece.rows.length
        options.onProgress({ ...progress })
      }
    }
    if (!started) await write(formatter.start([]))
    await write(formatter.end())
    await new Promise<void>((resolve, reject) =>
      file.end((error?: Error | null) => (error ? reject(error) : resolve())),
    )
    return progress
  } catch (error) {
    file.destroy()
    if ((error as { code?: unknown }).code === 'EEXIST')
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `${path} already exists; choose another name or allow overwriting`,
      })
    await rm(path, { force: true })
    if ((error as { code?: unknown }).code === 'ENOENT')
      throw new SluiceError({ code: 'NOT_FOUND', message: `The folder for ${path} does not exist` })
    throw error
  }
}

/** Waits until the stream wants more, or fails; either way no listener is left behind. */
function drained(file: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      file.off('error', onError)
      resolve()
    }
    const onError = (error: Error) => {
      file.off('drain', onDrain)
      reject(error)
    }
    file.once('drain', onDrain)
    file.once('error', onError)
  })
}

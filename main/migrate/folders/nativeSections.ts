import { SluiceError } from '../../../shared/errors'

/** The two sections of a native (dbmate-style) migration file. */
export interface NativeSections {
  up: string
  down: string | null
  transaction: boolean
  downTransaction: boolean
}

/** `-- migrate:up` or `-- migrate:down`, then options such as `transaction:false`, on a line of its own. */
const marker = /^--\s*migrate:(up|down)\b(.*)$/gm

/**
 * Splits a file into its `-- migrate:up` and `-- migrate:down` sections, as
 * dbmate writes them, so that existing dbmate folders work unchanged. The
 * markers are read only at the start of a line; text before the up marker is
 * a header comment and is not run.
 */
export function nativeSections(text: string, file: string): NativeSections {
  const normalized = text.replace(/\r\n?/g, '\n')
  const markers = [...normalized.matchAll(marker)]
  const up = markers.filter((m) => m[1] === 'up')
  const down = markers.filter((m) => m[1] === 'down')
  if (up.length !== 1)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message:
        up.length === 0
          ? `${file} has no "-- migrate:up" line; each migration needs one before its statements`
          : `${file} has ${up.length} "-- migrate:up" lines; a migration has one up section`,
    })
  if (down.length > 1)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `${file} has ${down.length} "-- migrate:down" lines; a migration has at most one down section`,
    })
  const upMarker = up[0]!
  const downMarker = down[0]
  if (downMarker && downMarker.index! < upMarker.index!)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `${file} has its "-- migrate:down" section before "-- migrate:up"; put up first`,
    })
  const section = (start: RegExpMatchArray, end: RegExpMatchArray | undefined) =>
    normalized.slice(start.index! + start[0].length, end?.index ?? normalized.length).trim()
  return {
    up: section(upMarker, downMarker),
    down: downMarker ? section(downMarker, undefined) : null,
    transaction: inTransaction(upMarker[2]!, file),
    downTransaction: downMarker ? inTransaction(downMarker[2]!, file) : true,
  }
}

/** Reads a marker's options; the one there is, `transaction:false`, says whether the section runs in a transaction. */
function inTransaction(text: string, file: string): boolean {
  let transaction = true
  for (const option of text.trim().split(/\s+/).filter(Boolean)) {
    const [key, value] = option.split(':')
    if (key === 'transaction' && (value === 'true' || value === 'false'))
      transaction = value === 'true'
    else
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `${file}: unknown migration option "${option}"; the one option is transaction:false`,
      })
  }
  return transaction
}
